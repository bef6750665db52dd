// Every kind of defect, through the import command: the line, the column and the message in
// both languages, exit code 1, and not one row written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { knownStatusWords } from '../../src/ledger/words/statusText.ts';
import { cli } from '../support/cli.ts';
import { snapshot, tempDir } from '../support/db.ts';
import {
  baseRows,
  COLUMNS,
  csvText,
  excelDate,
  type FixtureRow,
  writeCsv,
  writeXlsx,
} from '../support/ledgerFixture.ts';

let dir: string;
let dbPath: string;
let before: ReturnType<typeof snapshot>;

beforeEach(async () => {
  dir = tempDir();
  dbPath = join(dir, 'ledger.db');
  // A database that already holds the ledger, so "unchanged" means something.
  const seeded = await cli(['import', writeCsv(join(dir, 'seed.csv'), baseRows())], { DATABASE_PATH: dbPath });
  expect(seeded.code).toBe(0);
  before = dbSnapshot();
});

function dbSnapshot() {
  const db = openDatabase(dbPath);
  try {
    return snapshot(db);
  } finally {
    closeDatabase(db);
  }
}

const rowsWith = (changes: Record<number, Partial<FixtureRow>>) =>
  baseRows().map((row, i) => ({ ...row, ...changes[i] }));

async function expectDefects(file: string, en: string[], zh: string[]) {
  const english = await cli(['import', file], { DATABASE_PATH: dbPath, REFORM_LOCALE: 'en' });
  expect(english.code).toBe(1);
  expect(english.out).toBe('');
  expect(english.err.split('\n').slice(1)).toEqual(en.map((line) => `  ${line}`));
  expect(english.err.split('\n')[0]).toContain(`${en.length} defect(s); nothing was imported`);
  const chinese = await cli(['import', file], { DATABASE_PATH: dbPath, REFORM_LOCALE: 'zh-CN' });
  expect(chinese.code).toBe(1);
  expect(chinese.err.split('\n').slice(1)).toEqual(zh.map((line) => `  ${line}`));
  expect(chinese.err.split('\n')[0]).toContain(`发现 ${zh.length} 处问题，未导入任何内容`);
  expect(dbSnapshot()).toEqual(before);
}

const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('ledger defects', () => {
  it('a missing required column, on line 1, named in both languages', async () => {
    const file = csv('a.csv', csvText(baseRows(), { columns: COLUMNS.filter((c) => c !== 'status') }));
    const found =
      'A plan_code, B plan_title, C domain, D lead_group, E lead_department, F issued_on, G item_code, H item_title, I responsible_departments, J due_on, K note';
    await expectDefects(
      file,
      [
        `line 1: missing required column status (落实情况 / 进展情况 / 完成情况 / 进度); headers found on line 1: ${found}`,
      ],
      [
        `第 1 行：缺少必需的列“落实情况 / 进展情况 / 完成情况 / 进度”（status）；第 1 行的表头为：${found.replaceAll(', ', '、')}`,
      ],
    );
  });

  it('a column named twice', async () => {
    const found =
      'A plan_code, B 方案编号, C domain, D lead_group, E lead_department, F issued_on, G item_code, H item_title, I responsible_departments, J due_on, K status, L 状态备注 (ignored)';
    const file = csv('a.csv', csvText(baseRows()).replace('note', '状态备注').replace('plan_title', '方案编号'));
    await expectDefects(
      file,
      [
        'line 1, column A plan_code: the column appears twice: "plan_code" and "方案编号"',
        `line 1: missing required column plan_title (方案名称 / 改革方案 / 专项改革方案 / 方案); headers found on line 1: ${found}`,
      ],
      [
        '第 1 行“A plan_code”列：同一列出现两次：“plan_code”和“方案编号”',
        `第 1 行：缺少必需的列“方案名称 / 改革方案 / 专项改革方案 / 方案”（plan_title）；第 1 行的表头为：${found.replaceAll(', ', '、').replace('L 状态备注 (ignored)', 'L 状态备注（忽略）')}`,
      ],
    );
  });

  it('a header without rows, and a file without a header', async () => {
    await expectDefects(
      csv('a.csv', csvText([])),
      ['line 1: the file has a header but no item rows'],
      ['第 1 行：文件只有表头，没有事项行'],
    );
    await expectDefects(
      csv('b.csv', '\r\n\r\n'),
      ['line 1: no header row found (expected column names such as plan_code or 方案编号)'],
      ['第 1 行：未找到表头行（应包含“方案编号”或 plan_code 等列名）'],
    );
  });

  it('a row with too few cells, or text beyond the header', async () => {
    const lines = csvText(baseRows()).split('\n');
    lines[2] = lines[2]?.split(',').slice(0, 10).join(',') ?? '';
    lines[3] = `${lines[3]},,stray`;
    await expectDefects(
      csv('a.csv', lines.join('\n')),
      [
        'line 3: the row has 10 cells, the header has 12',
        'line 3, column K status: empty, a value is required',
        "line 4: text in a cell beyond the header's 12 columns",
      ],
      [
        '第 3 行：该行有 10 个单元格，表头有 12 个',
        '第 3 行“K status”列：为空，必须填写',
        '第 4 行：表头 12 列之外的单元格有内容',
      ],
    );
  });

  it('missing plan or item code and an empty item title', async () => {
    const file = writeCsv(
      join(dir, 'a.csv'),
      rowsWith({ 0: { plan_code: ' ' }, 1: { item_code: '' }, 2: { item_title: '' } }),
    );
    await expectDefects(
      file,
      [
        'line 2, column A plan_code: empty, a value is required',
        'line 3, column G item_code: empty, a value is required',
        'line 4, column H item_title: empty, a value is required',
      ],
      [
        '第 2 行“A plan_code”列：为空，必须填写',
        '第 3 行“G item_code”列：为空，必须填写',
        '第 4 行“H item_title”列：为空，必须填写',
      ],
    );
  });

  it('an unknown status and an unknown domain, listing what is accepted', async () => {
    const file = writeCsv(
      join(dir, 'a.csv'),
      rowsWith({ 3: { status: '基本完成' }, 4: { status: '基本完成' } }).map((r) =>
        r.plan_code === 'P3' ? { ...r, domain: '生态' } : r,
      ),
    );
    const words = knownStatusWords().join(' / ');
    const status = `unknown status "基本完成" (known words: ${words}; an office's own word can be mapped in the org file: status_words: { 基本完成: started })`;
    const domain =
      'unknown domain "生态" (expected economic / political / cultural / social / ecological / party_building / discipline / 经济体制 / 民主法制 / 文化体制 / 社会体制 / 生态文明体制 / 党的建设制度 / 纪律检查体制)';
    const zhStatus = `无法识别的落实情况“基本完成”（可用的写法：${words}；本单位自己的写法可在组织文件中对应：status_words: { 基本完成: started }）`;
    const zhDomain =
      '无法识别的改革领域“生态”（应为 economic / political / cultural / social / ecological / party_building / discipline / 经济体制 / 民主法制 / 文化体制 / 社会体制 / 生态文明体制 / 党的建设制度 / 纪律检查体制）';
    await expectDefects(
      file,
      [
        `line 5, column K status: ${status}`,
        `line 6, column K status: ${status}`,
        `line 7, column C domain: ${domain}`,
        `line 8, column C domain: ${domain}`,
      ],
      [
        `第 5 行“K status”列：${zhStatus}`,
        `第 6 行“K status”列：${zhStatus}`,
        `第 7 行“C domain”列：${zhDomain}`,
        `第 8 行“C domain”列：${zhDomain}`,
      ],
    );
  });

  it('impossible and unreadable dates', async () => {
    const file = writeCsv(
      join(dir, 'a.csv'),
      rowsWith({ 0: { due_on: '2016-02-30' }, 5: { due_on: '下个月' } }).map((r) =>
        r.plan_code === 'P2' ? { ...r, issued_on: '2016/2/30' } : r,
      ),
      {
        language: 'zh',
      },
    );
    const real =
      '(expected a real date such as 2016-06-30, 2016/6/30 or 2016年6月30日; a due date may also name a period, 2016年6月底前, 2016年第三季度, 2017年, or be 长期坚持 for no deadline)';
    const zhReal =
      '（应为真实日期，如 2016-06-30、2016/6/30 或 2016年6月30日；完成时限也可写期限，如 2016年6月底前、2016年第三季度、2017年，无期限写“长期坚持”）';
    await expectDefects(
      file,
      [
        `line 2, column J 完成时限: bad date "2016-02-30" ${real}`,
        `line 5, column F 出台时间: bad date "2016/2/30" ${real}`,
        `line 6, column F 出台时间: bad date "2016/2/30" ${real}`,
        `line 7, column J 完成时限: bad date "下个月" ${real}`,
      ],
      [
        `第 2 行“J 完成时限”列：日期“2016-02-30”无效${zhReal}`,
        `第 5 行“F 出台时间”列：日期“2016/2/30”无效${zhReal}`,
        `第 6 行“F 出台时间”列：日期“2016/2/30”无效${zhReal}`,
        `第 7 行“J 完成时限”列：日期“下个月”无效${zhReal}`,
      ],
    );
  });

  it('an item code repeated within a plan names both lines (the same code in another plan is fine)', async () => {
    const rows = rowsWith({ 2: { item_code: '1' } });
    const file = writeCsv(join(dir, 'a.csv'), rows);
    await expectDefects(
      file,
      ['line 4, column G item_code: item 1 of plan P1 is already on line 2'],
      ['第 4 行“G item_code”列：方案 P1 的事项 1 已在第 2 行出现'],
    );
  });

  it('plan columns that disagree between rows of one plan (compared by meaning)', async () => {
    // 经济体制 and economic, 2016-01-15 and 2016年1月15日 mean the same: no defect for those.
    const file = writeCsv(
      join(dir, 'a.csv'),
      rowsWith({
        1: { domain: 'economic', issued_on: '2016年1月15日', lead_group: 'G2' },
        2: { plan_title: '另一个标题' },
      }),
    );
    const rule = '(plan columns must agree on every row of a plan)';
    await expectDefects(
      file,
      [
        `line 3, column D lead_group: plan P1: "G2" differs from "G1" on line 2 ${rule}`,
        `line 4, column B plan_title: plan P1: "另一个标题" differs from "关于深化国有企业改革的实施意见" on line 2 ${rule}`,
      ],
      [
        '第 3 行“D lead_group”列：方案 P1：“G2”与第 2 行的“G1”不一致（同一方案各行的方案信息必须相同）',
        '第 4 行“B plan_title”列：方案 P1：“另一个标题”与第 2 行的“关于深化国有企业改革的实施意见”不一致（同一方案各行的方案信息必须相同）',
      ],
    );
  });

  it('CSV syntax: an unclosed quote, a stray quote, bytes that are not UTF-8', async () => {
    const text = csvText(baseRows(), { bom: true });
    await expectDefects(
      csv('a.csv', text.replace('推进混合所有制改革', '"推进混合所有制改革')),
      ['line 3: a quoted field starting here is never closed; nothing after it could be read'],
      ['第 3 行：从此处开始的带引号字段没有结束引号，其后内容无法读取'],
    );
    await expectDefects(
      csv('b.csv', text.replace('推进混合所有制改革', '推进"混合"所有制改革')),
      ['line 3: misplaced quote: a field holding quotes must be wrapped in quotes, with inner quotes doubled ("")'],
      ['第 3 行：引号位置错误：含引号的字段须整体用引号括起，字段内的引号写成两个（""）'],
    );
    const bytes = Buffer.from(text);
    const at = bytes.indexOf(Buffer.from('扩大'));
    bytes[at] = 0xff;
    writeFileSync(join(dir, 'c.csv'), bytes);
    await expectDefects(
      join(dir, 'c.csv'),
      ['line 5: the text is not valid UTF-8 (in Excel, save as "CSV UTF-8")'],
      ['第 5 行：文本不是有效的 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）'],
    );
  });

  it('collects every defect of a file, in line order, not only the first', async () => {
    const file = writeCsv(
      join(dir, 'a.csv'),
      rowsWith({ 0: { status: 'finished' }, 3: { due_on: '2016-13-01', item_code: '' }, 6: { domain: 'x' } }),
    );
    const result = await cli(['import', file], { DATABASE_PATH: dbPath });
    expect(result.code).toBe(1);
    const lines = result.err
      .split('\n')
      .slice(1)
      .map((l) => l.trim().replace(/:.*/, ''));
    expect(lines).toEqual([
      'line 2, column K status',
      'line 5, column G item_code',
      'line 5, column J due_on',
      'line 8, column C domain',
    ]);
    expect(dbSnapshot()).toEqual(before);
  });

  it('XLSX defects carry the sheet row numbers, below a title row too', async () => {
    const rows = rowsWith({ 1: { status: '差不多了', due_on: excelDate('2016-12-31') } });
    const file = await writeXlsx(join(dir, 'a.xlsx'), rows, {
      language: 'zh',
      titleRows: ['2016年全面深化改革工作台账'],
      sheetName: '台账',
    });
    const words = knownStatusWords().join(' / ');
    await expectDefects(
      file,
      [
        `sheet 台账, line 4, column K 落实情况: unknown status "差不多了" (known words: ${words}; an office's own word can be mapped in the org file: status_words: { 差不多了: started })`,
      ],
      [
        `工作表“台账”第 4 行“K 落实情况”列：无法识别的落实情况“差不多了”（可用的写法：${words}；本单位自己的写法可在组织文件中对应：status_words: { 差不多了: started }）`,
      ],
    );
  });
});
