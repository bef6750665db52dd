import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dateOfSerial } from '../../../src/ledger/xlsx/excelSerial.ts';
import { isDateFormat, isDateFormatCode } from '../../../src/ledger/xlsx/numberFormats.ts';
import { tempDir } from '../../support/db.ts';
import { excelDate } from '../../support/ledgerFixture.ts';
import { readAll, sheetXml, stylesXml, writeWorkbook } from '../../support/writeWorkbook.ts';

const JUNE_30 = 42551; // 2016-06-30 in the 1900 system

const DATE_CODES = [
  'yyyy"年"m"月"d"日"',
  '[$-F800]dddd, mmmm dd, yyyy',
  'm/d/yyyy',
  'yyyy.mm',
  'yyyy-mm-dd',
  'yyyy年m月d日',
  'DD/MM/YYYY',
  'mmm-yy',
  'h:mm AM/PM',
  '[h]:mm:ss',
  '[$-804]aaaa yyyy/m/d',
  'd-mmm;@',
];
const NUMBER_CODES = [
  'General',
  'G/通用格式',
  '0.00',
  '#,##0"元"',
  '"day "0',
  '[Red]0.0',
  '0.0_);(0.0)',
  '_-* #,##0_-;\\-* #,##0_-',
  '\\d0',
  '"年份"0',
  '@',
  '0%',
  '[$-409]#,##0',
  '0.00E+00',
  '',
];

describe('date formats', () => {
  it.each(DATE_CODES)('%s shows a date', (code) => expect(isDateFormatCode(code)).toBe(true));
  it.each(NUMBER_CODES)('%s shows a number', (code) => expect(isDateFormatCode(code)).toBe(false));

  it('knows the built-in date formats, including the East Asian ones, unless the workbook redefines them', () => {
    const none = new Map<number, string>();
    const dates = [
      14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55,
      56, 57, 58,
    ];
    for (let id = 0; id < 164; id++) expect(isDateFormat(id, none), `id ${id}`).toBe(dates.includes(id));
    expect(isDateFormat(14, new Map([[14, '0.00']]))).toBe(false);
    expect(isDateFormat(2, new Map([[2, 'yyyy-mm-dd']]))).toBe(true);
    expect(isDateFormat(164, new Map([[164, 'yyyy"年"m"月"']]))).toBe(true);
  });
});

describe('date serials', () => {
  const day = (iso: string) => excelDate(iso);
  it('counts the 1900 system with its 29 February 1900', () => {
    expect(dateOfSerial(1, false)).toEqual(day('1900-01-01'));
    expect(dateOfSerial(59, false)).toEqual(day('1900-02-28'));
    expect(dateOfSerial(60, false)).toEqual(day('1900-03-01')); // Excel's 1900-02-29
    expect(dateOfSerial(61, false)).toEqual(day('1900-03-01'));
    expect(dateOfSerial(JUNE_30, false)).toEqual(day('2016-06-30'));
    expect(dateOfSerial(JUNE_30 + 0.75, false)).toEqual(day('2016-06-30'));
    expect(dateOfSerial(JUNE_30 + 0.999999999999, false)).toEqual(day('2016-07-01'));
    expect(dateOfSerial(2_958_465, false)).toEqual(day('9999-12-31'));
    expect(dateOfSerial(2_958_466, false)).toBeUndefined();
    expect(dateOfSerial(-1, false)).toBeUndefined();
  });

  it('counts the 1904 system from 1904-01-01', () => {
    expect(dateOfSerial(0, true)).toEqual(day('1904-01-01'));
    expect(dateOfSerial(JUNE_30 - 1462, true)).toEqual(day('2016-06-30'));
  });
});

describe('readXlsxSheet dates', () => {
  it('turns numbers in date styles into Dates at UTC midnight, and leaves other numbers alone', async () => {
    const custom = Object.fromEntries([...DATE_CODES, ...NUMBER_CODES].map((code, i) => [164 + i, code]));
    const ids = [0, 14, 22, 31, 57, 2, 49, ...Object.keys(custom).map(Number)];
    const cells = ids.map((_, s) => `<c r="A${s + 1}" s="${s}"><v>${JUNE_30}</v></c>`);
    const path = writeWorkbook(join(tempDir(), 'styles.xlsx'), {
      styles: stylesXml(ids, custom),
      sheets: [{ name: 'S', xml: sheetXml(cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')) }],
    });
    const values = (await readAll(path, 'S')).map((r) => r.values[0]);
    const june30 = excelDate('2016-06-30');
    expect(values).toEqual([
      JUNE_30,
      june30,
      june30,
      june30,
      june30,
      JUNE_30,
      JUNE_30,
      ...DATE_CODES.map(() => june30),
      ...NUMBER_CODES.map(() => JUNE_30),
    ]);
  });

  it('reads dates exceljs writes with the formats above, and a plain 42551 as a number', async () => {
    const path = join(tempDir(), 'exceljs-dates.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    for (const code of DATE_CODES) sheet.addRow([excelDate('2016-06-30'), code]).getCell(1).numFmt = code;
    sheet.addRow([JUNE_30, 'General']);
    sheet.addRow([JUNE_30, '0.00']).getCell(1).numFmt = '0.00';
    await workbook.xlsx.writeFile(path);
    const records = await readAll(path, 'S');
    expect(records.map((r) => r.values)).toEqual([
      ...DATE_CODES.map((code) => [excelDate('2016-06-30'), code]),
      [JUNE_30, 'General'],
      [JUNE_30, '0.00'],
    ]);
  });

  it('honours date1904', async () => {
    const path = writeWorkbook(join(tempDir(), '1904.xlsx'), {
      date1904: true,
      styles: stylesXml([0, 14]),
      sheets: [
        {
          name: 'S',
          xml: sheetXml(
            `<row r="1"><c r="A1" s="1"><v>${JUNE_30 - 1462}</v></c><c r="B1"><v>${JUNE_30 - 1462}</v></c></row>`,
          ),
        },
      ],
    });
    expect(await readAll(path, 'S')).toEqual([{ line: 1, values: [excelDate('2016-06-30'), JUNE_30 - 1462] }]);

    const written = join(tempDir(), 'exceljs-1904.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('S');
    sheet.addRow([excelDate('2016-06-30')]).getCell(1).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(written);
    expect(await readAll(written, 'S')).toEqual([{ line: 1, values: [excelDate('2016-06-30')] }]);
  });

  it('keeps a date-styled number no calendar holds (negative) as a number', async () => {
    const path = writeWorkbook(join(tempDir(), 'negative.xlsx'), {
      styles: stylesXml([14]),
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="0"><v>-5</v></c></row>') }],
    });
    expect(await readAll(path, 'S')).toEqual([{ line: 1, values: [-5] }]);
  });
});
