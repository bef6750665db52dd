// The exported workbook as a leader gets it: title rows, borders, frozen headers, print setup,
// the traffic lights coloured, plan sheets saying they are read-only, and the ledger sheet's
// `rev` column holding each item's version.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import type { Locale } from '../../src/domain/types.ts';
import { EXPORT_COLUMNS, headerFor } from '../../src/ledger/columns.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/db.ts';
import { baseRows, csvText } from '../support/ledgerFixture.ts';

let dir: string;
let db: string;

// As of Friday 2016-07-01: P1's item 1 is done (green), item 2 is due on Monday, one working day
// away (yellow), item 3 was due yesterday and is not started (red); P3's item A is not started
// and due next year (green light, grey status).
beforeEach(async () => {
  dir = tempDir();
  db = join(dir, 'reform.db');
  const rows = baseRows().map((r) => {
    if (r.plan_code === 'P1' && r.item_code === '2') return { ...r, due_on: '2016-07-04' };
    if (r.plan_code === 'P1' && r.item_code === '3') return { ...r, due_on: '2016-06-30' };
    return r;
  });
  writeFileSync(join(dir, 'ledger.csv'), csvText(rows));
  const imported = await cli(['import', join(dir, 'ledger.csv')], { DATABASE_PATH: db });
  expect(imported.code).toBe(0);
});

async function exported(locale: Locale, ...extra: string[]): Promise<ExcelJS.Workbook> {
  const file = join(dir, 'book.xlsx');
  const result = await cli(['export', file, '--as-of', '2016-07-01', ...extra], {
    DATABASE_PATH: db,
    REFORM_LOCALE: locale,
  });
  expect([result.code, result.err]).toEqual([0, '']);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

const sheet = (book: ExcelJS.Workbook, name: string) => book.getWorksheet(name) as ExcelJS.Worksheet;
const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);
const GREEN = 'FFC6EFCE';
const YELLOW = 'FFFFEB9C';
const RED = 'FFFFC7CE';
const GREY = 'FFE7E6E6';

function expectPrintable(ws: ExcelJS.Worksheet, headerRow: number) {
  expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: headerRow });
  expect(ws.pageSetup, ws.name).toMatchObject({
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  });
}

describe('XLSX export layout', () => {
  it('puts a merged title row on every sheet, freezes and repeats each header row when printed', async () => {
    const book = await exported('zh-CN');
    const summary = sheet(book, '统计表');
    expect(summary.getCell('A1').value).toBe('专项改革方案落实情况统计表（截至 2016-07-01）');
    expect(summary.getCell('I1').isMerged).toBe(true);
    expect(summary.getCell('A1').font?.bold).toBe(true);
    expect(summary.getCell('A4').value).toBe('类别');
    expectPrintable(summary, 4);

    const p1 = sheet(book, 'P1 关于深化国有企业改革的实施意见');
    expect(p1.getCell('A1').value).toBe('督察评估事项表：P1 关于深化国有企业改革的实施意见');
    expect(p1.getCell('G1').isMerged).toBe(true);
    expectPrintable(p1, 4);

    const ledger = sheet(book, '台账');
    // TEST_NOW is 2016-07-01T02:00Z, 10:00 in Asia/Shanghai.
    expect(ledger.getCell('A1').value).toBe('改革工作台账（导出于 2016-07-01 10:00）');
    expect(ledger.getCell('N1').isMerged).toBe(true);
    expectPrintable(ledger, 2);
  });

  it('borders the table cells, shades the headings and wraps long text', async () => {
    const book = await exported('zh-CN');
    const summary = sheet(book, '统计表');
    for (const address of ['A4', 'I4', 'A5', 'E5'])
      expect(summary.getCell(address).border?.left?.style, address).toBe('thin');
    expect(summary.getCell('A4').fill).toMatchObject({ type: 'pattern' });
    expect(summary.getCell('E5').numFmt).toBe('0.0');
    expect(summary.getCell('A3').border).toBeUndefined(); // a caption, not part of the table

    const p1 = sheet(book, 'P1 关于深化国有企业改革的实施意见');
    for (const address of ['A4', 'G4', 'A5', 'G7'])
      expect(p1.getCell(address).border?.bottom?.style, address).toBe('thin');
    expect(p1.getCell('B5').alignment?.wrapText).toBe(true); // item title
    expect(p1.getCell('C5').alignment?.wrapText).toBe(true); // departments
    expect(p1.getCell('G5').alignment?.wrapText).toBe(true); // note

    const ledger = sheet(book, '台账');
    const column = (c: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(c) + 1;
    for (const c of EXPORT_COLUMNS) expect(ledger.getCell(3, column(c)).border?.top?.style, c).toBe('thin');
    for (const c of [
      'plan_title',
      'item_title',
      'responsible_departments',
      'cooperating_departments',
      'note',
    ] as const) {
      expect(ledger.getCell(3, column(c)).alignment?.wrapText, c).toBe(true);
    }
    expect(ledger.getCell(2, 1).font?.bold).toBe(true);
    // Real date cells, as before.
    expect(ledger.getCell(3, column('due_on')).value).toEqual(new Date('2016-06-30T00:00:00Z'));
    expect(ledger.getCell(3, column('due_on')).numFmt).toBe('yyyy-mm-dd');
  });

  it('says on each plan sheet that it is read-only and gives each item a coloured light at the as-of date', async () => {
    const book = await exported('zh-CN');
    const p1 = sheet(book, 'P1 关于深化国有企业改革的实施意见');
    expect(p1.getCell('A2').value).toBe('本表为只读汇总，修改请在“台账”工作表中进行；导入时不读取本表。');
    expect((p1.getRow(4).values as unknown[]).slice(1)).toEqual([
      '事项编号',
      '具体改革事项',
      '责任单位',
      '完成时限',
      '落实情况',
      '状态灯',
      '备注',
    ]);
    const items = [5, 6, 7].map((r) => ({
      status: p1.getCell(`E${r}`).value,
      statusFill: fillOf(p1.getCell(`E${r}`)),
      light: p1.getCell(`F${r}`).value,
      lightFill: fillOf(p1.getCell(`F${r}`)),
    }));
    expect(items).toEqual([
      { status: '已完成', statusFill: GREEN, light: '正常', lightFill: GREEN },
      { status: '已启动未完成', statusFill: YELLOW, light: '即将到期', lightFill: YELLOW },
      { status: '未启动', statusFill: RED, light: '已逾期', lightFill: RED }, // overdue outranks the status
    ]);
    const p3 = sheet(book, 'P3 生态环境监测网络建设方案');
    expect([p3.getCell('E5').value, fillOf(p3.getCell('E5')), p3.getCell('F5').value]).toEqual([
      '未启动',
      GREY,
      '正常',
    ]);

    // The ledger sheet colours its status cells the same way.
    const ledger = sheet(book, '台账');
    const status = EXPORT_COLUMNS.indexOf('status') + 1;
    expect([3, 4, 5, 8].map((r) => fillOf(ledger.getCell(r, status)))).toEqual([GREEN, YELLOW, RED, GREY]);
    // and the statistics count the same lights
    const summary = sheet(book, '统计表');
    const lightsLine = (summary.getSheetValues() as unknown[][])
      .map((r) => r?.[1])
      .find((v) => String(v).startsWith('红黄绿灯'));
    expect(lightsLine).toBe('红黄绿灯：已逾期 1 项，3 个工作日内到期 1 项，正常 5 项');
  });

  it('offers the status and domain dropdowns on the ledger sheet', async () => {
    const ledger = sheet(await exported('zh-CN'), '台账');
    const dropdown = (address: string) =>
      (ledger.getCell(address) as unknown as { dataValidation?: { formulae: string[] } }).dataValidation?.formulae;
    expect(dropdown('L3')).toEqual(['"已完成,已启动未完成,未启动"']);
    expect(dropdown('L9')).toEqual(['"已完成,已启动未完成,未启动"']);
    expect(dropdown('C3')?.[0]).toContain('生态文明体制');
    expect(dropdown('B3')).toBeUndefined();
  });

  it('ends the ledger sheet with the rev column: each item’s version, a narrow column whose header warns not to edit it', async () => {
    const database = openDatabase(db);
    database.$client
      .prepare("UPDATE items SET version = 4 WHERE code = '2' AND plan_id = (SELECT id FROM plans WHERE code = 'P1')")
      .run();
    closeDatabase(database);
    for (const [locale, language, warning] of [
      ['zh-CN', 'zh', '请勿修改'],
      ['en', 'en', 'Do not edit'],
    ] as const) {
      const book = await exported(locale);
      const ledger = sheet(book, locale === 'en' ? 'Ledger' : '台账');
      const rev = EXPORT_COLUMNS.length;
      expect(EXPORT_COLUMNS[rev - 1]).toBe('rev');
      expect(ledger.getCell(2, rev).value).toBe(headerFor('rev', language));
      expect(String(ledger.getCell(2, rev).note)).toContain(warning);
      expect(ledger.getColumn(rev).width).toBeLessThanOrEqual(8);
      expect([3, 4, 5, 6, 7, 8, 9].map((r) => ledger.getCell(r, rev).value)).toEqual([1, 4, 1, 1, 1, 1, 1]);
    }
  });

  it('writes the read-only note and light words in English', async () => {
    const book = await exported('en');
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'P1 关于深化国有企业改革的实施意见',
      'P2 关于完善法律援助制度的实施意见',
      'P3 生态环境监测网络建设方案',
      'Ledger',
    ]);
    const p1 = sheet(book, 'P1 关于深化国有企业改革的实施意见');
    expect(p1.getCell('A2').value).toBe(
      'This sheet is a read-only summary: make changes in the "Ledger" sheet. The import does not read this sheet.',
    );
    expect(p1.getCell('F4').value).toBe('Light');
    expect([5, 6, 7].map((r) => p1.getCell(`F${r}`).value)).toEqual(['on track', 'due soon', 'overdue']);
    expect(sheet(book, 'Ledger').getCell('A1').value).toBe('Reform work ledger (exported 2016-07-01 10:00)');
  });
});

describe('XLSX export read back', () => {
  it('imports the edits made in its ledger sheet, under the title row, and never reads the plan sheets', async () => {
    const file = join(dir, 'book.xlsx');
    expect(
      (await cli(['export', file, '--as-of', '2016-07-01'], { DATABASE_PATH: db, REFORM_LOCALE: 'zh-CN' })).code,
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    // P1's item 3 is row 5 of the ledger sheet: mark it started there, and done on its plan sheet.
    const status = EXPORT_COLUMNS.indexOf('status') + 1;
    sheet(book, '台账').getCell(5, status).value = '已启动未完成';
    sheet(book, 'P1 关于深化国有企业改革的实施意见').getCell('E7').value = '已完成';
    await book.xlsx.writeFile(file);
    const result = await cli(['import', file], { DATABASE_PATH: db, REFORM_LOCALE: 'en' });
    expect([result.code, result.err]).toEqual([0, '']);
    const database = openDatabase(db);
    const row = database.$client
      .prepare("SELECT i.status FROM items i JOIN plans p ON p.id = i.plan_id WHERE p.code = 'P1' AND i.code = '3'")
      .get();
    closeDatabase(database);
    expect(row).toEqual({ status: 'started' });
  });
});
