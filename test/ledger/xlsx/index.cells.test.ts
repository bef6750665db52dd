import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/db.ts';
import { excelDate } from '../../support/ledgerFixture.ts';
import { readAll, sharedStringsXml, sheetXml, writeWorkbook } from '../../support/writeWorkbook.ts';

describe('readXlsxSheet cells', () => {
  it('reads every cell type of a hand-made sheet', async () => {
    const path = writeWorkbook(join(tempDir(), 'types.xlsx'), {
      sharedStrings: sharedStringsXml([
        '<si><t>plain</t></si>',
        '<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></si>',
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t>two_x000D_\nlines &amp; _x005F_x0041_</t></si>',
        '<si><t/></si>',
      ]),
      sheets: [
        {
          name: 'S',
          xml: sheetXml(
            [
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
              // Row 2 is not in the XML at all.
              '<row r="3">',
              '<c r="A3" t="inlineStr"><is><t>inline</t></is></c>',
              '<c r="B3" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c>',
              '<c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
              '<c r="D3" t="b"><v>1</v></c><c r="E3" t="b"><v>0</v></c>',
              '<c r="F3" t="e"><f>NA()</f><v>#N/A</v></c>',
              '<c r="G3" t="d"><v>2016-06-30T00:00:00Z</v></c>',
              '<c r="H3"><v>42.5</v></c><c r="I3" t="n"><v>-1E-3</v></c>',
              '<c r="J3" t="s"><v>4</v></c>',
              // A formula never calculated and a styled empty cell show nothing: trimmed.
              '<c r="K3"><f>1+1</f></c><c r="L3" s="0"/>',
              '</row>',
              '<row r="4"><c r="A4" s="1"/><c r="B4"><f>A1</f></c></row>',
              '<row r="5"><c><v>1</v></c><c><v>2</v></c><c r="E5"><v>5</v></c><c><v>6</v></c></row>',
              '<row><c r="B6"><v>7</v></c></row>',
              '<row r="9" spans="1:3"><c r="C9" t="inlineStr"><is><t xml:space="preserve">  padded  </t></is></c></row>',
            ].join(''),
          ),
        },
      ],
    });
    expect(await readAll(path, 'S')).toEqual([
      { line: 1, values: ['plain', '富文本 ', '東京', 'two\r\nlines & _x0041_'] },
      {
        line: 3,
        values: ['inline', 'inline', 'ab', 'TRUE', 'FALSE', '#N/A', excelDate('2016-06-30'), 42.5, -0.001, ''],
      },
      { line: 5, values: [1, 2, null, null, 5, 6] },
      { line: 6, values: [null, 7] },
      { line: 9, values: [null, null, '  padded  '] },
    ]);
  });

  it('reads elements written with a namespace prefix (<x:row>)', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml = `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>i</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const path = writeWorkbook(join(tempDir(), 'prefixed.xlsx'), {
      sharedStrings: sharedStringsXml(['<si><t>shared</t></si>']),
      sheets: [{ name: 'S', xml }],
    });
    expect(await readAll(path, 'S')).toEqual([{ line: 2, values: [null, 'shared', 'i'] }]);
  });

  it('reads what exceljs writes: text, numbers, dates, booleans, rich text, formulas, errors, hyperlinks', async () => {
    const path = join(tempDir(), 'exceljs.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['plan_code', 7, 2.5, true, false]);
    sheet.addRow([]);
    const row = sheet.addRow([
      excelDate('2016-06-30'),
      { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] },
      { formula: '"a"&"b"', result: 'ab' },
      { formula: '1+1', result: 2 },
      { error: '#N/A' },
      { text: 'site', hyperlink: 'https://example.org' },
      null,
      '备注',
    ]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(path);
    expect(await readAll(path, '台账')).toEqual([
      { line: 1, values: ['plan_code', 7, 2.5, 'TRUE', 'FALSE'] },
      { line: 3, values: [excelDate('2016-06-30'), '富文本', 'ab', 2, '#N/A', 'site', null, '备注'] },
    ]);
  });

  it('reports a merged range as the XML holds it: the value in its top-left cell only', async () => {
    const path = join(tempDir(), 'merged.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['P1', '方案一', '1']);
    sheet.addRow([null, null, '2']);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('B1:B2');
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path, 'S')).map((r) => r.values)).toEqual([
      ['P1', '方案一', '1'],
      [null, null, '2'],
    ]);
  });

  it('spreads merged values over their range with fillMerged, as Excel shows them', async () => {
    const path = join(tempDir(), 'filled.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['head', null, null, 'x']);
    sheet.addRow(['P1', '方案一', null, '1']);
    sheet.addRow([null, null, null, '2']);
    sheet.addRow([null, null, null, '3']);
    sheet.addRow(['P2', null, null, '1']);
    sheet.mergeCells('A1:C1'); // across
    sheet.mergeCells('A2:A4'); // down
    sheet.mergeCells('B2:C3'); // both
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path, 'S', { fillMerged: true })).map((r) => r.values)).toEqual([
      ['head', 'head', 'head', 'x'],
      ['P1', '方案一', '方案一', '1'],
      ['P1', '方案一', '方案一', '2'],
      ['P1', null, null, '3'],
      ['P2', null, null, '1'],
    ]);
  });
});
