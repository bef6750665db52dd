// `reform-bot template`: an empty ledger in the office's layout, whose header the import reads,
// with dropdowns on 落实情况 and 改革领域 and an instructions sheet; and the refusals.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/domain/types.ts';
import { columnForHeader } from '../../../src/ledger/columns.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

const OFFICE_LAYOUT = [
  'seq',
  'plan_title',
  'domain',
  'lead_group',
  'lead_department',
  'item_title',
  'responsible_departments',
  'cooperating_departments',
  'due_on',
  'status',
  'note',
];

const run = (argv: string[], locale: Locale = 'en') =>
  cli(['template', ...argv], { DATABASE_PATH: join(dir, 'unused.db'), REFORM_LOCALE: locale });

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

// Data validation is not in exceljs's cell typings.
const dropdownOf = (sheet: ExcelJS.Worksheet, address: string) =>
  (sheet.getCell(address) as unknown as { dataValidation?: { type: string; formulae: string[] } }).dataValidation;

describe('reform-bot template', () => {
  it('writes the 台账 sheet in the office layout with Chinese headers the import reads, dropdowns and a 填表说明 sheet', async () => {
    const file = join(dir, '2027台账.xlsx');
    const result = await run([file], 'zh-CN');
    expect([result.code, result.err, result.out]).toEqual([
      0,
      '',
      `已生成空白台账 ${file}：请在“台账”工作表中填写，然后运行 reform-bot import ${file}`,
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial') || f.endsWith('.tmp'))).toEqual([]);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['台账', '填表说明']);

    const ledger = book.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(ledger.getCell('A1').value).toBe('改革工作台账');
    expect(ledger.getCell('K1').isMerged).toBe(true);
    const headers = (ledger.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '方案名称',
      '改革领域',
      '牵头专项小组',
      '牵头单位',
      '具体改革事项',
      '责任单位',
      '配合单位',
      '完成时限',
      '落实情况',
      '备注',
    ]);
    expect(headers.map((h) => columnForHeader(String(h)))).toEqual(OFFICE_LAYOUT);
    expect(ledger.rowCount).toBe(2); // empty: nothing below the header
    expect(ledger.getCell('A2').border?.bottom?.style).toBe('thin');
    expect(ledger.getCell('F2').font?.bold).toBe(true);
    expect(ledger.getColumn(6).width).toBeGreaterThan(ledger.getColumn(1).width ?? 0);
    expect(ledger.getColumn(6).alignment?.wrapText).toBe(true);

    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ledger.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });

    // 落实情况 is column J, 改革领域 column C; the dropdowns run from the first data row to row 2000.
    const statuses = { type: 'list', formulae: ['"已完成,已启动未完成,未启动"'] };
    const domains = {
      type: 'list',
      formulae: ['"经济体制,民主法制,文化体制,社会体制,生态文明体制,党的建设制度,纪律检查体制"'],
    };
    for (const row of [3, 500, 2000]) {
      expect(dropdownOf(ledger, `J${row}`)).toMatchObject(statuses);
      expect(dropdownOf(ledger, `C${row}`)).toMatchObject(domains);
    }
    expect(dropdownOf(ledger, 'J2')).toBeUndefined();
    expect(dropdownOf(ledger, 'J2001')).toBeUndefined();
    for (const column of ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'K'])
      expect(dropdownOf(ledger, `${column}3`), column).toBeUndefined();

    const guide = book.getWorksheet('填表说明') as ExcelJS.Worksheet;
    expect(guide.getCell('A1').value).toBe('填表说明');
    expect((guide.getRow(2).values as unknown[]).slice(1)).toEqual(['栏目', '说明']);
    // One row per column of the ledger, named as its header names it, then the general rules.
    const labels = OFFICE_LAYOUT.map((_, i) => guide.getCell(3 + i, 1).value);
    expect(labels).toEqual(headers);
    const text = (row: number) => String(guide.getCell(row, 2).value);
    expect(text(3 + OFFICE_LAYOUT.indexOf('due_on'))).toContain('2016年第三季度');
    expect(text(3 + OFFICE_LAYOUT.indexOf('due_on'))).toContain('长期坚持');
    expect(text(3 + OFFICE_LAYOUT.indexOf('status'))).toContain('已完成、已启动未完成、未启动');
    const rules = [14, 15, 16, 17, 18].map(text).join('\n');
    expect(rules).toContain('导入只读取“台账”工作表');
    expect(rules).toContain('一、经济体制改革');
    expect(rules).toContain('自动给出');
    expect(rules).toContain('向下合并');
    expect(guide.getCell(3, 3).value).toBeNull(); // Chinese only for a Chinese-speaking admin
    expect(guide.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes English headers and words with --headers en, and the instructions also in English for an English-speaking admin', async () => {
    const file = join(dir, 'ledger.xlsx');
    const result = await run([file, '--headers', 'en']);
    expect([result.code, result.out]).toEqual([
      0,
      `Wrote the empty ledger ${file}: fill in the "Ledger" sheet, then run reform-bot import ${file}`,
    ]);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ledger', 'Instructions']);
    const ledger = book.getWorksheet('Ledger') as ExcelJS.Worksheet;
    expect(ledger.getCell('A1').value).toBe('Reform work ledger');
    const headers = (ledger.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(OFFICE_LAYOUT);
    expect(headers.map((h) => columnForHeader(String(h)))).toEqual(OFFICE_LAYOUT);
    expect(dropdownOf(ledger, 'J3')?.formulae).toEqual(['"done,started,not_started"']);
    expect(dropdownOf(ledger, 'C3')?.formulae).toEqual([
      '"economic,political,cultural,social,ecological,party_building,discipline"',
    ]);
    const guide = book.getWorksheet('Instructions') as ExcelJS.Worksheet;
    expect((guide.getRow(2).values as unknown[]).slice(1)).toEqual(['Column or topic', '说明', 'Explanation']);
    expect(guide.getCell(3, 1).value).toBe('seq');
    expect(String(guide.getCell(3 + OFFICE_LAYOUT.indexOf('due_on'), 3).value)).toContain('no deadline');
    expect(String(guide.getCell(3 + OFFICE_LAYOUT.indexOf('status'), 2).value)).toContain('done, started, not_started');
  });

  it('writes Chinese headers for an English-speaking admin unless told otherwise', async () => {
    const file = join(dir, 'ledger.xlsx');
    expect((await run([file])).code).toBe(0);
    const ledger = (await workbook(file)).getWorksheet('Ledger') as ExcelJS.Worksheet;
    expect(ledger.getCell('B2').value).toBe('方案名称');
    expect(dropdownOf(ledger, 'J3')?.formulae).toEqual(['"已完成,已启动未完成,未启动"']);
  });

  it('imports once filled in: the import reads its 台账 sheet, title row and all, and leaves the instructions alone', async () => {
    const file = join(dir, '台账.xlsx');
    expect((await run([file], 'zh-CN')).code).toBe(0);
    const book = await workbook(file);
    const ledger = book.getWorksheet('台账') as ExcelJS.Worksheet;
    const plan = ['1', '关于深化国有企业改革的实施意见', '经济体制', 'G1', '国资委'];
    ledger.addRow([
      ...plan,
      '制定国有资本投资运营公司试点方案',
      '国资委',
      '财政厅',
      '2016年6月底前',
      '已完成',
      '已印发',
    ]);
    ledger.addRow([...plan, '推进混合所有制改革', '国资委', '', '2016年第三季度', '已启动未完成', '']);
    await book.xlsx.writeFile(file);
    const imported = await cli(['import', file], { DATABASE_PATH: join(dir, 'reform.db'), REFORM_LOCALE: 'en' });
    expect([imported.code, imported.err]).toEqual([0, '']);
    const exported = join(dir, 'back.csv');
    expect((await cli(['export', exported], { DATABASE_PATH: join(dir, 'reform.db'), REFORM_LOCALE: 'en' })).code).toBe(
      0,
    );
    const lines = readFileSync(exported, 'utf8').split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',关于深化国有企业改革的实施意见,economic,G1,国资委,');
    expect(lines[1]).toContain(',制定国有资本投资运营公司试点方案,国资委,财政厅,2016-06-30,done,已印发,');
    expect(lines[2]).toContain(',推进混合所有制改革,国资委,,2016-09-30,started,,');
  });

  it('refuses to overwrite a file unless --force, a name not ending in .xlsx and an unknown header language', async () => {
    const file = join(dir, 'kept.xlsx');
    writeFileSync(file, 'the office’s filled-in ledger');
    const refused = await run([file]);
    expect([refused.code, refused.out, refused.err]).toEqual([
      1,
      '',
      `${file} already exists; nothing was written. Use --force to replace it.`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe('the office’s filled-in ledger');
    const zh = await run([file], 'zh-CN');
    expect(zh.err).toBe(`${file} 已存在，未写入。如需覆盖，请加 --force。`);

    expect((await run([file, '--force'])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    for (const name of ['ledger.xls', 'ledger.csv', 'ledger']) {
      const bad = await run([join(dir, name)]);
      expect([bad.code, bad.err]).toEqual([2, `${join(dir, name)}: the template must end in .xlsx`]);
      expect(existsSync(join(dir, name))).toBe(false);
    }
    const badZh = await run([join(dir, 'x.csv')], 'zh-CN');
    expect(badZh.err).toBe(`${join(dir, 'x.csv')}：模板文件须以 .xlsx 结尾`);
    const headers = await run([join(dir, 'x.xlsx'), '--headers', 'fr']);
    expect([headers.code, headers.err]).toEqual([2, '--headers fr: expected en or zh']);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
