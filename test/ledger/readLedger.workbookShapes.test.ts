// Workbooks in the shapes offices keep: the ledger behind a 汇总 sheet, a hidden sheet, a
// two-row header under a merged 任务分解, Excel date cells in several number formats, and a
// header that lacks a column, reported with the headers that were found and where.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerContext } from '../../src/ledger/ledgerContext.ts';
import { readLedger } from '../../src/ledger/readLedger.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/db.ts';
import { writeWorkbook } from '../support/writeWorkbook.ts';

const context: LedgerContext = {
  groups: [{ code: 'G1', name: '经济体制改革专项小组', domain: 'economic' }],
  departments: new Map([['国资委', { members: 1 }]]),
  aliases: new Map(),
  statusWords: new Map(),
};

/** A summary sheet, a hidden old ledger, then this year's ledger with a two-row header. */
async function officeWorkbook(path: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('汇总');
  summary.addRow(['方案数', '事项数']);
  summary.addRow([
    { formula: "COUNTA('2016台账'!B5:B20)", result: 1 },
    { formula: "COUNTA('2016台账'!C5:C20)", result: 3 },
  ]);
  const old = book.addWorksheet('2015台账', { state: 'hidden' });
  old.addRow(['方案名称', '具体改革事项', '完成时限', '落实情况', '责任单位']);
  const sheet = book.addWorksheet('2016台账');
  sheet.addRow(['2016年全面深化改革工作台账']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['序号', '方案名称', '任务分解', null, null, '完成\n时限', '进展情况', '备注']);
  sheet.addRow([null, null, '具体改革\n事项', '责任单位', '配合单位', null, null, null]);
  sheet.mergeCells('C2:E2');
  for (const column of ['A', 'B', 'F', 'G', 'H']) sheet.mergeCells(`${column}2:${column}3`);
  sheet.addRow(['一、经济体制改革（1个方案3项）']);
  sheet.mergeCells('A4:H4');
  const dates = [new Date('2016-06-30T00:00:00Z'), new Date('2016-09-30T00:00:00Z'), '2016年底前'];
  const formats = ['yyyy"年"m"月"d"日"', 'm/d/yyyy', undefined];
  ['1.制定方案', '2.推进改制', '3.完善监管'].forEach((title, i) => {
    const row = sheet.addRow([
      i === 0 ? 1 : null,
      i === 0 ? '关于深化国有企业改革的实施意见' : null,
      title,
      '国资委',
      null,
      dates[i],
      '推进中',
      null,
    ]);
    if (formats[i]) row.getCell(6).numFmt = formats[i] as string;
  });
  sheet.mergeCells('A5:A7');
  sheet.mergeCells('B5:B7');
  sheet.addRow(['合计', null, '3项']);
  await book.xlsx.writeFile(path);
  return path;
}

describe('workbooks as offices keep them', () => {
  it('finds the ledger sheet behind 汇总, reads a two-row header, merged cells and date cells', async () => {
    const file = await officeWorkbook(join(tempDir(), 'office.xlsx'));
    const read = await readLedger(file, 'xlsx', { context });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet).toBe('2016台账');
    expect(read.report.otherSheets).toEqual([
      { name: '汇总', reason: 'notLedger' },
      { name: '2015台账', reason: 'hidden' },
    ]);
    expect(read.header.lines).toEqual([2, 3]);
    expect(read.header.cells.map((c) => c.column)).toEqual([
      'seq',
      'plan_title',
      'item_title',
      'responsible_departments',
      'cooperating_departments',
      'due_on',
      'status',
      'note',
    ]);
    expect(
      read.ledger.rows.map((r) => [r.line, r.planTitle, r.itemNumber, r.dueOn, r.status, r.leadGroup, r.domain]),
    ).toEqual([
      [5, '关于深化国有企业改革的实施意见', '1', '2016-06-30', 'started', 'G1', 'economic'],
      [6, '关于深化国有企业改革的实施意见', '2', '2016-09-30', 'started', 'G1', 'economic'],
      [7, '关于深化国有企业改革的实施意见', '3', '2016-12-31', 'started', 'G1', 'economic'],
    ]);
    expect(read.report.sections).toEqual([
      { line: 4, text: '一、经济体制改革（1个方案3项）', group: 'G1', domain: 'economic' },
    ]);
    expect(read.report.skipped).toEqual([{ line: 8, reason: 'total', text: '合计 3项' }]);
    // Merged cells are read as Excel shows them, so nothing needed filling in.
    expect(read.report.filled).toEqual([]);
  });

  it('--sheet chooses the sheet; a sheet that does not exist is named with the sheets there are', async () => {
    const file = await officeWorkbook(join(tempDir(), 'office.xlsx'));
    const chosen = await readLedger(file, 'xlsx', { context, sheet: '2016台账' });
    expect(chosen.ok && chosen.report.otherSheets.map((s) => s.reason)).toEqual(['notChosen', 'notChosen']);
    const env = { DATABASE_PATH: join(tempDir(), 'r.db') };
    const missing = await cli(['import', file, '--sheet', '2017台账'], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no sheet named "2017台账"; the workbook has: 汇总, 2015台账, 2016台账');
    const zh = await cli(['import', file, '--sheet', '2017台账'], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(zh.err).toContain('没有名为“2017台账”的工作表；工作簿中有：汇总、2015台账、2016台账');
  });

  it('names the sheet and row of a header that lacks a column, with the headers it found', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow(['标题']);
    sheet.addRow(['序号', '方案名称', '改革任务', '责任单位', '时间节点', '联系人']);
    sheet.addRow([1, '方案', '任务', '国资委', '2016年底', '张三']);
    const file = join(tempDir(), 'short.xlsx');
    await book.xlsx.writeFile(file);
    const env = { DATABASE_PATH: join(tempDir(), 'r.db') };
    const en = await cli(['import', file], env);
    expect(en.code).toBe(1);
    expect(en.err).toContain(
      'sheet 台账, line 2: missing required column status (落实情况 / 进展情况 / 完成情况 / 进度); headers found on row 2 of sheet 台账: A 序号, B 方案名称, C 改革任务, D 责任单位, E 时间节点, F 联系人 (ignored)',
    );
    const zh = await cli(['import', file], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(zh.err).toContain(
      '工作表“台账”第 2 行的表头为：A 序号、B 方案名称、C 改革任务、D 责任单位、E 时间节点、F 联系人（忽略）',
    );
  });

  it('says so when a workbook has no sheet at all', async () => {
    const path = writeWorkbook(join(tempDir(), 'none.xlsx'), { sheets: [] });
    const read = await readLedger(path, 'xlsx', { context });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.defects).toEqual([
      { line: 1, column: null, code: 'badFile', reason: 'xlsx', detail: 'the workbook has no sheet' },
    ]);
  });
});
