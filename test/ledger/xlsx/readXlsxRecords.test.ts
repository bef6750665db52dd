import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../src/ledger/rawRow.ts';
import { readXlsxRecords } from '../../../src/ledger/readXlsx.ts';
import { tempDir } from '../../support/db.ts';
import { writeWorkbook } from './fixture.ts';

describe('readXlsxRecords', () => {
  const all = async (batches: AsyncIterable<SheetRecord[]>) => {
    const records: SheetRecord[] = [];
    for await (const batch of batches) records.push(...batch);
    return records;
  };

  it('reads the sheet named in its options, else the ledger sheet, with merged cells spread', async () => {
    const path = join(tempDir(), 'pick.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['cover']);
    const ledger = workbook.addWorksheet('Ledger');
    ledger.addRow(['P1', 'a']);
    ledger.addRow([null, 'b']);
    ledger.mergeCells('A1:A2');
    await workbook.xlsx.writeFile(path);
    expect(await all(readXlsxRecords(path))).toEqual([
      { line: 1, values: ['P1', 'a'] },
      { line: 2, values: ['P1', 'b'] },
    ]);
    expect(await all(readXlsxRecords(path, { sheet: '封面' }))).toEqual([{ line: 1, values: ['cover'] }]);
  });

  it('says so when a workbook has no worksheet at all', async () => {
    const path = writeWorkbook(join(tempDir(), 'none.xlsx'), { sheets: [] });
    await expect(all(readXlsxRecords(path))).rejects.toMatchObject({ problem: { reason: 'xlsx', detail: 'no worksheet' }, line: 1 });
  });
});
