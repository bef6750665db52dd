import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listXlsxSheets } from '../../../src/ledger/xlsx/index.ts';
import { tempDir } from '../../support/db.ts';
import { readAll, readFailure, sheetXml, workbookParts, writeWorkbook, zipBytes } from '../../support/writeWorkbook.ts';

const cellRow = (line: number, text: string) =>
  `<row r="${line}"><c r="A${line}" t="inlineStr"><is><t>${text}</t></is></c></row>`;

describe('listXlsxSheets', () => {
  it('lists worksheets in tab order with their visibility', async () => {
    const path = join(tempDir(), 'tabs.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['cover']);
    workbook.addWorksheet('隐藏', { state: 'hidden' }).addRow(['x']);
    workbook.addWorksheet('台账').addRow(['plan_code']);
    workbook.addWorksheet('Macro only', { state: 'veryHidden' });
    await workbook.xlsx.writeFile(path);
    expect(await listXlsxSheets(path)).toEqual([
      { name: '封面', index: 0, hidden: false },
      { name: '隐藏', index: 1, hidden: true },
      { name: '台账', index: 2, hidden: false },
      { name: 'Macro only', index: 3, hidden: true },
    ]);
  });

  it('takes the order of the tabs from workbook.xml, not of the parts, and leaves chart sheets out', async () => {
    const parts = workbookParts({
      sheets: [
        { name: 'first part', xml: sheetXml(cellRow(1, 'one')) },
        { name: 'second part', xml: sheetXml(cellRow(1, 'two')) },
      ],
    });
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    for (const part of parts) {
      if (part.name === 'xl/workbook.xml') {
        part.data = `<workbook xmlns:r="${REL}"><sheets><sheet name="Second" sheetId="2" r:id="rId2"/><sheet name="Chart" sheetId="3" r:id="rId9"/><sheet name="First" sheetId="1" r:id="rId1"/></sheets></workbook>`;
      }
      if (part.name === 'xl/_rels/workbook.xml.rels')
        part.data = String(part.data).replace(
          '</Relationships>',
          `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
        );
    }
    const path = join(tempDir(), 'order.xlsx');
    writeFileSync(path, zipBytes(parts));
    expect(await listXlsxSheets(path)).toEqual([
      { name: 'Second', index: 0, hidden: false },
      { name: 'First', index: 1, hidden: false },
    ]);
    expect(await readAll(path, 'Second')).toEqual([{ line: 1, values: ['two'] }]);
  });
});

describe('readXlsxSheet sheets', () => {
  it('reads the sheet it is asked for, and names the sheets when there is none of that name', async () => {
    const path = writeWorkbook(join(tempDir(), 'two.xlsx'), {
      sheets: [
        { name: 'A', xml: sheetXml(cellRow(1, 'a')) },
        { name: 'B', xml: sheetXml(cellRow(4, 'b')) },
      ],
    });
    expect(await readAll(path, 'B')).toEqual([{ line: 4, values: ['b'] }]);
    const error = await readFailure(path, 'C');
    expect(error.problem).toEqual({
      reason: 'xlsx',
      detail: 'the workbook has no sheet named "C" (its sheets: "A", "B")',
    });
    expect(error.line).toBe(1);
  });

  it('reports progress in compressed bytes, ending at the file size', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => cellRow(i + 1, `row ${i}`)).join('');
    const path = writeWorkbook(join(tempDir(), 'progress.xlsx'), { sheets: [{ name: 'S', xml: sheetXml(rows) }] });
    const seen: number[] = [];
    await readAll(path, 'S', { onBytes: (bytes) => seen.push(bytes) });
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(statSync(path).size);
  });
});
