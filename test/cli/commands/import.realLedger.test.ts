// The office's own ledger, as kept: a workbook built blind from the description by
// someone who had not read the importer (test/fixtures/blind/README.md), with its CSV in UTF-8
// and GBK. It must import without hand edits, give the figures its builder wrote down, and the
// three files must be read as the same ledger.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { oneLine } from '../../../src/ledger/validate.ts';
import { findItem } from '../../../src/store/items.ts';
import { type BlindFiles, buildBlindLedgers } from '../../fixtures/blind/build.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

interface Expected {
  plans: number;
  items: number;
  status: Record<'done' | 'started' | 'not_started', number>;
  itemsWithoutDeadline: number;
  departmentsMissingFromOrg: string[];
  departmentsWithoutMembers: string[];
  samples: {
    planCell: string;
    itemCell: string;
    due: string | null;
    status: string;
    departments: string[];
    cooperating?: string[];
  }[];
}

let files: BlindFiles;
let expected: Expected;

beforeAll(async () => {
  // Not tempDir(): that is emptied after each test, and the files serve the whole file.
  files = await buildBlindLedgers(mkdtempSync(join(tmpdir(), 'reform-blind-')));
  expected = JSON.parse(readFileSync(files.expected, 'utf8')) as Expected;
});

function query<T>(dbPath: string, sql: string): T[] {
  const db = openDatabase(dbPath);
  try {
    return db.$client.prepare(sql).all() as T[];
  } finally {
    closeDatabase(db);
  }
}

async function freshOffice(): Promise<{ DATABASE_PATH: string }> {
  const env = { DATABASE_PATH: join(tempDir(), 'office.db') };
  const org = await cli(['import-org', files.org], env);
  expect(org.err).toBe('');
  expect(org.code).toBe(0);
  return env;
}

describe("an office's own ledger, built blind", () => {
  it('imports the workbook as it is and gives the figures its builder wrote down', async () => {
    const env = await freshOffice();
    const result = await cli(['import', files.xlsx], env);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const [counts] = query<{ plans: number; items: number }>(
      env.DATABASE_PATH,
      'SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM items) AS items',
    );
    expect(counts).toEqual({ plans: expected.plans, items: expected.items });
    const statuses = Object.fromEntries(
      query<{ status: string; n: number }>(
        env.DATABASE_PATH,
        'SELECT status, count(*) AS n FROM items GROUP BY status',
      ).map((r) => [r.status, r.n]),
    );
    expect(statuses).toEqual(expected.status);
    const [open] = query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM items WHERE due_on IS NULL');
    expect(open?.n).toBe(expected.itemsWithoutDeadline);

    const items = query<{
      plan: string;
      title: string;
      due: string | null;
      status: string;
      departments: string | null;
      cooperating: string | null;
    }>(
      env.DATABASE_PATH,
      `SELECT p.title AS plan, i.title, i.due_on AS due, i.status,
              (SELECT group_concat(name, '|') FROM (SELECT d.name FROM item_departments x JOIN departments d ON d.id = x.department_id
                 WHERE x.item_id = i.id ORDER BY x.position)) AS departments,
              (SELECT group_concat(name, '|') FROM (SELECT d.name FROM item_cooperating_departments x JOIN departments d ON d.id = x.department_id
                 WHERE x.item_id = i.id ORDER BY x.position)) AS cooperating
         FROM items i JOIN plans p ON p.id = i.plan_id`,
    );
    for (const sample of expected.samples) {
      const item = items.find((i) => i.plan === oneLine(sample.planCell) && i.title === oneLine(sample.itemCell));
      expect(item, `${sample.planCell} / ${sample.itemCell}`).toBeDefined();
      expect({ due: item?.due, status: item?.status }).toEqual({ due: sample.due, status: sample.status });
      // A department marked （配合） in the 责任单位 cell is recorded as cooperating, not responsible.
      const named = [...(item?.departments?.split('|') ?? []), ...(item?.cooperating?.split('|') ?? [])];
      expect(named).toEqual(expect.arrayContaining(sample.departments));
      if (sample.cooperating) expect(item?.cooperating?.split('|')).toEqual(expect.arrayContaining(sample.cooperating));
    }
    // The item card reads the cooperating departments back (P2 is the second plan of the file).
    const db = openDatabase(env.DATABASE_PATH);
    try {
      expect(findItem(db, 'P2', '1')?.cooperatingDepartments.map((d) => d.name)).toEqual(
        expect.arrayContaining(['财政厅']),
      );
    } finally {
      closeDatabase(db);
    }
  });

  it('reads the CSV in UTF-8 and in GBK as the same ledger: nothing to change after the workbook', async () => {
    const env = await freshOffice();
    const first = await cli(['import', files.xlsx], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    for (const file of [files.csv, files.csvGbk]) {
      const again = await cli(['import', file, '--dry-run'], env);
      expect(again.err).toBe('');
      expect(again.out).toContain(`Plans: 0 created, 0 updated, ${expected.plans} unchanged.`);
      expect(again.out).toContain(`Items: 0 created, 0 updated (0 status changes), ${expected.items} unchanged.`);
    }
  });

  it('shows how the file was read before writing anything, in Chinese', async () => {
    const env = await freshOffice();
    const dry = await cli(['import', files.xlsx, '--dry-run'], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(dry.code).toBe(0);
    const out = dry.out;
    expect(out).toContain('试运行：以下是导入将会做的变更，未写入任何内容。');
    expect(out).toMatch(/读取的工作表：\S+/);
    expect(out).toContain('未读取的工作表：汇总（不是台账工作表）');
    expect(out).toMatch(/表头（第 \d+–\d+ 行）：/);
    expect(out).toMatch(/2016年第三季度\s+2016-09-30/);
    expect(out).toMatch(/长期坚持\s+无期限/);
    expect(out).toMatch(/基本完成\s+已启动未完成（组织文件 status_words）/);
    expect(out).toMatch(/一、经济体制和生态文明体制改革\S*\s+G1/);
    expect(out).toMatch(/\d+\s+合计行\s+合计/);
    expect(out).toMatch(/\d+\s+注释\s+注：/);
    // The CSV saved from it has blank continuation cells where the workbook has merges.
    const csv = await cli(['import', files.csv, '--dry-run'], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(csv.out).toContain('方案名称：取上一行的值');
    for (const name of expected.departmentsMissingFromOrg) expect(out).toContain(`${name} 不在组织文件中`);
    for (const name of expected.departmentsWithoutMembers) expect(out).toContain(`${name} 在组织文件中没有成员`);
    expect(out).toContain(`新增事项（${expected.items} 项）：`);
    expect(query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM items')[0]?.n).toBe(0);
  });

  it('shows the same in English, and as data with --json', async () => {
    const env = await freshOffice();
    const dry = await cli(['import', files.xlsx, '--dry-run'], { ...env, REFORM_LOCALE: 'en' });
    expect(dry.out).toMatch(/Sheet read: \S+/);
    expect(dry.out).toMatch(/2016年上半年\s+2016-06-30/);
    expect(dry.out).toMatch(/持续推进\s+no deadline/);
    const csv = await cli(['import', files.csv, '--dry-run'], { ...env, REFORM_LOCALE: 'en' });
    expect(csv.out).toContain('plan_title: from the row above on rows');
    expect(dry.out).toContain('Sheets not read: 汇总 (not the ledger sheet)');
    const json = await cli(['import', files.xlsx, '--dry-run', '--json'], env);
    const data = JSON.parse(json.out) as {
      ok: boolean;
      reading: {
        sections: { group: string | null }[];
        skipped: { reason: string }[];
        statuses: { text: string; status: string }[];
      };
      summary: { dryRun: boolean; newItems: unknown[]; planCodes: { code: string }[] };
    };
    expect(data.ok).toBe(true);
    expect(data.summary.dryRun).toBe(true);
    expect(data.summary.newItems).toHaveLength(expected.items);
    expect(data.summary.planCodes.map((p) => p.code)).toEqual(
      Array.from({ length: expected.plans }, (_, i) => `P${i + 1}`),
    );
    expect(data.reading.sections.map((s) => s.group)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
    expect(data.reading.skipped.filter((s) => s.reason === 'total').length).toBeGreaterThanOrEqual(2);
    expect(data.reading.statuses).toContainEqual(expect.objectContaining({ text: '基本完成', status: 'started' }));
  });

  it('without the org file, refuses the plans it cannot place and says what to add', async () => {
    const env = { DATABASE_PATH: join(tempDir(), 'bare.db') };
    const result = await cli(['import', files.xlsx], { ...env, REFORM_LOCALE: 'en' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('has no special group: add a 牵头专项小组 column, or a section row');
    expect(result.err).toContain('unknown status "基本完成"');
    expect(query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM plans')[0]?.n).toBe(0);
  });
});
