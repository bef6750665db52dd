// Export: the CSV and XLSX ledgers import back unchanged, and the workbook's statistics sheet
// reproduces the seed's mid-year table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { generateSeedLedger, SEED_EXPECTED } from '../../fixtures/seedLedger.ts';
import { cli } from '../../support/cli.ts';
import { snapshot, tempDir } from '../../support/db.ts';
import { baseRows, csvText, type FixtureRow } from '../../support/ledgerFixture.ts';

let dir: string;
const seedRows = generateSeedLedger() as unknown as FixtureRow[];

beforeEach(() => {
  dir = tempDir();
});

const dbAt = (name: string) => join(dir, `${name}.db`);

async function ok(argv: string[], db: string, locale: 'en' | 'zh-CN' = 'en') {
  const result = await cli(argv, { DATABASE_PATH: db, REFORM_LOCALE: locale });
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return result.out;
}

function dbSnapshot(path: string) {
  const db = openDatabase(path);
  try {
    return snapshot(db);
  } finally {
    closeDatabase(db);
  }
}

function seedCsv(): string {
  const path = join(dir, 'seed.csv');
  writeFileSync(path, csvText(seedRows, { bom: true }));
  return path;
}

describe('CSV export', () => {
  it.each(['en', 'zh'] as const)(
    'exports, imports into a fresh database and exports again byte for byte (%s headers)',
    async (headers) => {
      await ok(['import', seedCsv()], dbAt('a'));
      const first = join(dir, 'first.csv');
      expect(await ok(['export', first, '--headers', headers], dbAt('a'))).toBe(
        `Exported ${seedRows.length} items of 82 plans to ${first}.`,
      );
      await ok(['import', first], dbAt('b'));
      const second = join(dir, 'second.csv');
      await ok(['export', second, '--headers', headers], dbAt('b'));
      expect(readFileSync(second)).toEqual(readFileSync(first));
      // and importing the export into its own database changes nothing
      const before = dbSnapshot(dbAt('a'));
      expect(await ok(['import', first], dbAt('a'))).toContain(
        `Items: 0 created, 0 updated (0 status changes), ${seedRows.length} unchanged.`,
      );
      expect(dbSnapshot(dbAt('a'))).toEqual(before);
    },
  );

  it('writes UTF-8 with BOM, CRLF, the ledger columns, YYYY-MM-DD dates, words of the header language', async () => {
    await ok(['import', writeBase()], dbAt('a'));
    await ok(['export', join(dir, 'en.csv')], dbAt('a'));
    await ok(['export', join(dir, 'zh.csv'), '--headers', 'zh', '--plan', 'P1'], dbAt('a'));
    const en = readFileSync(join(dir, 'en.csv'), 'utf8');
    expect(
      en.startsWith(
        '\ufeffplan_code,plan_title,domain,lead_group,lead_department,issued_on,item_code,item_title,responsible_departments,cooperating_departments,due_on,status,note,rev\r\n',
      ),
    ).toBe(true);
    expect(en).toContain(
      '\r\nP1,关于深化国有企业改革的实施意见,economic,G1,国资委,2016-01-15,2,推进混合所有制改革,国资委;发展改革委,,2016-12-31,started,,1\r\n',
    );
    expect(en).toContain(',2,提高法律援助质量,司法厅;财政厅,,,started,长期坚持,1\r\n');
    const zh = readFileSync(join(dir, 'zh.csv'), 'utf8');
    expect(zh.split('\r\n')).toEqual([
      '\ufeff方案编号,方案名称,改革领域,牵头专项小组,牵头单位,出台时间,事项编号,具体改革事项,责任单位,配合单位,完成时限,落实情况,备注,同步版本',
      'P1,关于深化国有企业改革的实施意见,经济体制,G1,国资委,2016-01-15,1,制定国有资本投资运营公司试点方案,国资委、财政厅,,2016-06-30,已完成,已印发,1',
      'P1,关于深化国有企业改革的实施意见,经济体制,G1,国资委,2016-01-15,2,推进混合所有制改革,国资委、发展改革委,,2016-12-31,已启动未完成,,1',
      'P1,关于深化国有企业改革的实施意见,经济体制,G1,国资委,2016-01-15,3,完善国有企业领导人员管理办法,省委组织部,,2016-09-30,未启动,,1',
      '',
    ]);
  });

  it('writes headers and words in the configured language unless --headers says otherwise', async () => {
    await ok(['import', writeBase()], dbAt('a'));
    const write = async (name: string, locale: 'en' | 'zh-CN', ...extra: string[]) => {
      await ok(['export', join(dir, name), '--plan', 'P2', ...extra], dbAt('a'), locale);
      return readFileSync(join(dir, name), 'utf8').split('\r\n').slice(0, 2);
    };
    const zh = [
      '\ufeff方案编号,方案名称,改革领域,牵头专项小组,牵头单位,出台时间,事项编号,具体改革事项,责任单位,配合单位,完成时限,落实情况,备注,同步版本',
      'P2,关于完善法律援助制度的实施意见,民主法制,G2,司法厅,2016-03-01,1,扩大法律援助范围,司法厅,,2016-05-31,已完成,,1',
    ];
    const en = [
      '\ufeffplan_code,plan_title,domain,lead_group,lead_department,issued_on,item_code,item_title,responsible_departments,cooperating_departments,due_on,status,note,rev',
      'P2,关于完善法律援助制度的实施意见,political,G2,司法厅,2016-03-01,1,扩大法律援助范围,司法厅,,2016-05-31,done,,1',
    ];
    expect(await write('zh.csv', 'zh-CN')).toEqual(zh);
    expect(await write('en.csv', 'en')).toEqual(en);
    expect(await write('zh-forced-en.csv', 'zh-CN', '--headers', 'en')).toEqual(en);
    expect(await write('en-forced-zh.csv', 'en', '--headers', 'zh')).toEqual(zh);
  });

  it('guards against formula injection and still round-trips the text', async () => {
    // In the source file '+1 is the escaped form of +1 (what Excel users type to keep text).
    const rows = baseRows().map((r, i) =>
      i === 0 ? { ...r, item_title: '=HYPERLINK("http://x","点击")', note: "'+1" } : r,
    );
    const file = join(dir, 'inj.csv');
    writeFileSync(file, csvText(rows));
    await ok(['import', file], dbAt('a'));
    await ok(['export', join(dir, 'out.csv')], dbAt('a'));
    const out = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(out).toContain(`,"'=HYPERLINK(""http://x"",""点击"")",`);
    expect(out).toContain(",done,'+1,1\r\n");
    const db = openDatabase(dbAt('a'));
    expect(db.$client.prepare('SELECT title, note FROM items WHERE id = 1').get()).toEqual({
      title: '=HYPERLINK("http://x","点击")',
      note: '+1',
    });
    closeDatabase(db);
    expect(await ok(['import', join(dir, 'out.csv')], dbAt('a'))).toContain('7 unchanged');
  });
});

function writeBase(): string {
  const path = join(dir, 'base.csv');
  writeFileSync(path, csvText(baseRows()));
  return path;
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe('XLSX export', () => {
  it('imports back unchanged into its own database and gives the same ledger in a fresh one', async () => {
    await ok(['import', seedCsv()], dbAt('a'));
    const file = join(dir, 'ledger.xlsx');
    await ok(['export', file, '--as-of', '2016-06-30'], dbAt('a'), 'zh-CN');
    const before = dbSnapshot(dbAt('a'));
    const again = await ok(['import', file], dbAt('a'));
    expect(again).toContain('Plans: 0 created, 0 updated, 82 unchanged.');
    expect(again).toContain(`Items: 0 created, 0 updated (0 status changes), ${seedRows.length} unchanged.`);
    expect(dbSnapshot(dbAt('a'))).toEqual(before);
    await ok(['import', file], dbAt('b'));
    await ok(['export', join(dir, 'a.csv')], dbAt('a'));
    await ok(['export', join(dir, 'b.csv')], dbAt('b'));
    expect(readFileSync(join(dir, 'b.csv'))).toEqual(readFileSync(join(dir, 'a.csv')));
  });

  it('has the statistics sheet, one supervision table per plan, and the ledger sheet last', async () => {
    await ok(['import', writeBase()], dbAt('a'));
    const file = join(dir, 'book.xlsx');
    await ok(['export', file, '--as-of', '2016-06-30'], dbAt('a'), 'zh-CN');
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '统计表',
      'P1 关于深化国有企业改革的实施意见',
      'P2 关于完善法律援助制度的实施意见',
      'P3 生态环境监测网络建设方案',
      '台账',
    ]);
    const p2 = book.getWorksheet('P2 关于完善法律援助制度的实施意见');
    const rows = (p2?.getSheetValues() ?? []).slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : r));
    // The title is merged across the table, so every cell of its row reads the title.
    expect(rows[0]).toEqual(Array(7).fill('督察评估事项表：P2 关于完善法律援助制度的实施意见'));
    expect(rows[1]).toEqual(['本表为只读汇总，修改请在“台账”工作表中进行；导入时不读取本表。']);
    expect(rows[2]).toEqual(['牵头专项小组：G2　牵头单位：司法厅　出台时间：2016-03-01　阶段：已出台']);
    expect(rows[3]).toEqual(['事项编号', '具体改革事项', '责任单位', '完成时限', '落实情况', '状态灯', '备注']);
    expect(rows[4]).toEqual(['1', '扩大法律援助范围', '司法厅', '2016-05-31', '已完成', '正常']);
    expect(rows[5]).toEqual(['2', '提高法律援助质量', '司法厅、财政厅', undefined, '已启动未完成', '正常', '长期坚持']);
    expect(rows[6]).toEqual(['已完成 1 项（50.0%），已启动未完成 1 项（50.0%），未启动 0 项（0.0%）']);
    const ledger = book.getWorksheet('台账');
    expect(ledger?.getCell('A1').value).toBe('改革工作台账（导出于 2016-07-01 10:00）');
    expect(ledger?.getRow(2).values).toEqual([
      undefined,
      '方案编号',
      '方案名称',
      '改革领域',
      '牵头专项小组',
      '牵头单位',
      '出台时间',
      '事项编号',
      '具体改革事项',
      '责任单位',
      '配合单位',
      '完成时限',
      '落实情况',
      '备注',
      '同步版本',
    ]);
    expect(ledger?.getRow(3).getCell(11).value).toEqual(new Date('2016-06-30T00:00:00Z'));
  });

  it('reproduces the seed’s mid-year table for the 35 plans of the round, in English', async () => {
    await ok(['import', seedCsv()], dbAt('a'));
    const assessed = [
      ...new Set(
        seedRows
          .filter((r) => r.issued_on !== '' && String(r.issued_on) <= SEED_EXPECTED.roundCutoff)
          .map((r) => String(r.plan_code)),
      ),
    ];
    expect(assessed).toHaveLength(35);
    const file = join(dir, 'round.xlsx');
    const plans = assessed.flatMap((code) => ['--plan', code]);
    expect(await ok(['export', file, '--as-of', '2016-06-30', ...plans], dbAt('a'))).toBe(
      `Exported 717 items of 35 plans to ${file}.`,
    );
    const book = await workbook(file);
    expect(book.worksheets).toHaveLength(37);
    const summary = book.getWorksheet('Summary');
    const values = (summary?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(values[1]).toEqual(Array(9).fill('Implementation of reform plans: statistics as of 2016-06-30'));
    const overall = values.filter((r) => Array.isArray(r) && r[0] === 'Overall');
    expect(overall).toHaveLength(2);
    expect(overall[0]).toEqual(['Overall', 35, 717, 461, 64.3, 224, 31.2, 32, 4.5]);
    const economic = values.find((r) => Array.isArray(r) && r[0] === 'Economic');
    expect(economic).toEqual(['Economic', 8, 180, 138, 76.7, 39, 21.7, 3, 1.7]);
    expect(values.find((r) => Array.isArray(r) && String(r[0]).startsWith('Plans with every item done'))).toEqual([
      'Plans with every item done (ready to close out): 6',
    ]);
    expect(summary?.getRow(5).getCell(5).numFmt).toBe('0.0');
  });
});

describe('export command line', () => {
  it('refuses an unknown plan, an unknown format and an unknown header language', async () => {
    await ok(['import', writeBase()], dbAt('a'));
    const unknown = await cli(['export', join(dir, 'x.csv'), '--plan', 'P1', '--plan', 'P9'], {
      DATABASE_PATH: dbAt('a'),
      REFORM_LOCALE: 'en',
    });
    expect([unknown.code, unknown.err]).toEqual([1, 'No such plan: P9']);
    const format = await cli(['export', join(dir, 'x.xls')], { DATABASE_PATH: dbAt('a'), REFORM_LOCALE: 'zh-CN' });
    expect([format.code, format.err]).toEqual([2, `${join(dir, 'x.xls')}：输出文件须以 .csv 或 .xlsx 结尾`]);
    const headers = await cli(['export', join(dir, 'x.csv'), '--headers', 'fr'], {
      DATABASE_PATH: dbAt('a'),
      REFORM_LOCALE: 'en',
    });
    expect([headers.code, headers.err]).toEqual([2, '--headers fr: expected en or zh']);
  });
});
