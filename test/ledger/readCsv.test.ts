import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LedgerFileError } from '../../src/ledger/defects.ts';
import type { SheetRecord } from '../../src/ledger/rawRow.ts';
import { readCsvRecords } from '../../src/ledger/readCsv.ts';
import { isLedgerSheetName } from '../../src/ledger/sheetChoice.ts';
import { readXlsxSheet } from '../../src/ledger/xlsx/index.ts';
import { tempDir } from '../support/db.ts';
import { excelDate } from '../support/ledgerFixture.ts';

async function all(batches: AsyncIterable<SheetRecord[]>): Promise<SheetRecord[]> {
  const records: SheetRecord[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
}

async function failure(batches: AsyncIterable<SheetRecord[]>): Promise<LedgerFileError> {
  try {
    await all(batches);
  } catch (error) {
    if (error instanceof LedgerFileError) return error;
    throw error;
  }
  throw new Error('expected a LedgerFileError');
}

describe('readCsvRecords', () => {
  it('strips the BOM, reads CRLF, and numbers multi-line records by their first line', async () => {
    const path = join(tempDir(), 'a.csv');
    writeFileSync(path, '\ufeffplan_code,item_title\r\nP1,"two\r\nlines, and a comma"\r\nP2,plain\r\n');
    expect(await all(readCsvRecords(path))).toEqual([
      { line: 1, values: ['plan_code', 'item_title'] },
      { line: 2, values: ['P1', 'two\r\nlines, and a comma'] },
      { line: 4, values: ['P2', 'plain'] },
    ]);
  });

  it('reads a GBK file (Excel on Chinese Windows) as GB18030 and says so', async () => {
    const path = join(tempDir(), 'gbk.csv');
    // 方案编号,落实情况 / P1,已完成 in GBK
    const gbk = Buffer.from('b7bdb0b8b1e0bac52cc2e4cab5c7e9bff60d0a50312cd2d1cdeab3c90d0a', 'hex');
    writeFileSync(path, gbk);
    let encoding = '';
    const records = await all(readCsvRecords(path, { onEncoding: (e) => (encoding = e) }));
    expect(encoding).toBe('gb18030');
    expect(records).toEqual([
      { line: 1, values: ['方案编号', '落实情况'] },
      { line: 2, values: ['P1', '已完成'] },
    ]);
  });

  it('names the line of a byte that is not UTF-8', async () => {
    const path = join(tempDir(), 'bad.csv');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('\ufeffa,b\n1,2\n3,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
    );
    const error = await failure(readCsvRecords(path));
    expect(error.problem).toEqual({ reason: 'notUtf8' });
    expect(error.line).toBe(3);
  });

  it('turns a quoting error into a file problem with its line', async () => {
    const path = join(tempDir(), 'quote.csv');
    writeFileSync(path, 'a,b\n1,2\n3,关于"放管服"\n');
    const error = await failure(readCsvRecords(path));
    expect(error.problem).toEqual({ reason: 'badQuote' });
    expect(error.line).toBe(3);
  });
});

describe('readXlsxSheet', () => {
  it('reads the first sheet by its row numbers, with real Date cells, numbers, rich text and formulas', async () => {
    const path = join(tempDir(), 'a.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('工作表1');
    sheet.addRow(['plan_code', 'item_code', 'due_on', 'item_title', 'note']);
    sheet.addRow([]);
    const row = sheet.addRow([
      'P1',
      7,
      excelDate('2016-06-30'),
      { richText: [{ text: '富' }, { text: '文本' }] },
      { formula: '"a"&"b"', result: 'ab' },
    ]);
    row.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
    await workbook.xlsx.writeFile(path);
    const records = await all(readXlsxSheet(path, '工作表1'));
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(records[1]?.values).toEqual(['P1', 7, excelDate('2016-06-30'), '富文本', 'ab']);
  });

  it('knows a ledger sheet by its name (台账, ledger), which the import tries first', () => {
    expect(isLedgerSheetName('台账')).toBe(true);
    expect(isLedgerSheetName('2016年工作台账')).toBe(true);
    expect(isLedgerSheetName(' Ledger ')).toBe(true);
    expect(isLedgerSheetName('统计表')).toBe(false);
  });

  it('reports a zip that is not a workbook as a file problem', async () => {
    const path = join(tempDir(), 'fake.xlsx');
    writeFileSync(path, Buffer.from('504b0304', 'hex'));
    const error = await failure(readXlsxSheet(path, '台账'));
    expect(error.problem.reason).toBe('xlsx');
  });
});

describe('readXlsxSheet, merged cells', () => {
  it('gives every row of a merged plan cell the plan’s value, as Excel shows it', async () => {
    const path = join(tempDir(), 'merged.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['plan_code', 'plan_title', 'item_code']);
    sheet.addRow(['P1', '方案一', '1']);
    sheet.addRow([null, null, '2']);
    sheet.addRow([null, null, '3']);
    sheet.mergeCells('A2:A4');
    sheet.mergeCells('B2:B4');
    await workbook.xlsx.writeFile(path);
    const records = await all(readXlsxSheet(path, '台账', { fillMerged: true }));
    expect(records.map((r) => r.values)).toEqual([
      ['plan_code', 'plan_title', 'item_code'],
      ['P1', '方案一', '1'],
      ['P1', '方案一', '2'],
      ['P1', '方案一', '3'],
    ]);
  });
});
