// Re-importing an office's ledger: plans and items kept without codes keep the codes they were
// given, and a file older than Slack never reverts what people changed there.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { titleCore } from '../../src/ledger/identity.ts';
import { changeItem, findItem } from '../../src/store/items.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/db.ts';

const ORG = `groups:
  - code: G1
    name: 经济体制改革专项小组
    domain: economic
departments:
  - name: 国资委
    aliases: [省国资委]
    members: [U0M1]
`;

/** A ledger as an office keeps it: a section row, no codes, merged plan cells left blank. */
function ledger(plans: [title: string, items: [title: string, status: string][]][]): string {
  const lines = ['序号,方案名称,具体改革事项,责任单位,完成时限,落实情况,备注', '一、经济体制改革,,,,,,'];
  plans.forEach(([title, items], p) => {
    items.forEach(([item, status], i) => {
      lines.push(`${i === 0 ? p + 1 : ''},${i === 0 ? title : ''},${item},省国资委,2016年12月底,${status},`);
    });
  });
  return `${lines.join('\r\n')}\r\n`;
}

let dir: string;
let env: { DATABASE_PATH: string };
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const withDb = <T>(fn: (db: ReturnType<typeof openDatabase>) => T): T => {
  const db = openDatabase(env.DATABASE_PATH);
  try {
    return fn(db);
  } finally {
    closeDatabase(db);
  }
};
const codes = () => withDb((db) => db.$client.prepare('SELECT code, title FROM plans ORDER BY id').all());

beforeEach(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: join(dir, 'office.db') };
  expect((await cli(['import-org', write('org.yml', ORG)], env)).code).toBe(0);
});

describe('stable codes for a ledger without code columns', () => {
  it('keeps each plan’s code when a plan is inserted above it, and gives the new one the next', async () => {
    const first = ledger([
      ['关于深化国有企业改革的实施意见', [['1.制定方案', '已完成']]],
      ['关于推进价格机制改革的实施意见', [['1.放开价格', '未启动']]],
    ]);
    expect((await cli(['import', write('a.csv', first)], env)).code).toBe(0);
    expect(codes()).toEqual([
      { code: 'P1', title: '关于深化国有企业改革的实施意见' },
      { code: 'P2', title: '关于推进价格机制改革的实施意见' },
    ]);
    const inserted = ledger([
      ['关于新设改革的实施意见', [['1.试点', '未启动']]],
      ['关于深化国有企业改革的实施意见', [['1.制定方案', '已完成']]],
      ['关于推进价格机制改革的实施意见', [['1.放开价格', '未启动']]],
    ]);
    const result = await cli(['import', write('b.csv', inserted)], env);
    expect(result.out).toContain('Plans: 1 created, 0 updated, 2 unchanged.');
    expect(codes()).toContainEqual({ code: 'P3', title: '关于新设改革的实施意见' });
    expect(codes()).toContainEqual({ code: 'P1', title: '关于深化国有企业改革的实施意见' });
  });

  it('keeps an item’s code when the office renumbers its items to insert one', async () => {
    const plan = '关于深化国有企业改革的实施意见';
    await cli(
      [
        'import',
        write(
          'a.csv',
          ledger([
            [
              plan,
              [
                ['1.制定方案', '已完成'],
                ['2.推进改制', '未启动'],
              ],
            ],
          ]),
        ),
      ],
      env,
    );
    const renumbered = ledger([
      [
        plan,
        [
          ['1.摸清底数', '未启动'],
          ['2.制定方案', '已完成'],
          ['3.推进改制', '未启动'],
        ],
      ],
    ]);
    const result = await cli(['import', write('b.csv', renumbered)], env);
    expect(result.out).toContain('Items: 1 created');
    const items = withDb((db) => db.$client.prepare('SELECT code, title FROM items ORDER BY id').all());
    // The same items, retitled with their new numbers; the new one takes a code no item had.
    expect(items).toEqual([
      { code: '1', title: '2.制定方案' },
      { code: '2', title: '3.推进改制' },
      { code: '4', title: '1.摸清底数' },
    ]);
  });

  it('compares titles without their number labels', () => {
    expect(titleCore('（二）建立健全政府定价制度')).toBe('建立健全政府定价制度');
    expect(titleCore('2、建立健全政府定价制度')).toBe('建立健全政府定价制度');
    expect(titleCore('2016年完成试点')).toBe('2016年完成试点');
  });
});

describe('a file older than Slack', () => {
  const plan = '关于深化国有企业改革的实施意见';
  const original = () =>
    ledger([
      [
        plan,
        [
          ['1.制定方案', '未启动'],
          ['2.推进改制', '未启动'],
        ],
      ],
    ]);

  async function changedInSlack() {
    expect((await cli(['import', write('a.csv', original())], env)).code).toBe(0);
    withDb((db) => {
      const item = findItem(db, 'P1', '1') as { id: number };
      const at = new Date('2016-07-02T02:00:00Z');
      expect(
        changeItem(db, { itemId: item.id, status: 'done', note: '已印发', actor: 'U0M1', source: 'slack', at }).kind,
      ).toBe('applied');
    });
  }

  it('keeps the newer value, lists the conflict with who changed it when, in both languages', async () => {
    await changedInSlack();
    const again = await cli(['import', write('a.csv', original())], { ...env, REFORM_LOCALE: 'en' });
    expect(again.code).toBe(0);
    expect(again.out).toContain('Changed in Slack after this file');
    expect(again.out).toMatch(/P1#1\s+status\s+not started\s+done\s+U0M1 2016-07-02 10:00/);
    expect(withDb((db) => findItem(db, 'P1', '1')?.status)).toBe('done');
    const zh = await cli(['import', write('a.csv', original()), '--dry-run'], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(zh.out).toMatch(/P1#1\s+状态\s+未启动\s+已完成\s+U0M1/);
    expect(zh.out).toContain('保留当前值');
  });

  it('--overwrite takes the file’s value, and says so', async () => {
    await changedInSlack();
    const result = await cli(['import', write('a.csv', original()), '--overwrite'], env);
    expect(result.out).toContain("--overwrite: the file's value was taken");
    expect(withDb((db) => findItem(db, 'P1', '1')?.status)).toBe('not_started');
  });

  it('takes a file edited after an export: the export says which version it showed', async () => {
    await changedInSlack();
    const exported = join(dir, 'export.csv');
    expect((await cli(['export', exported], env)).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const edited = readFileSync(exported, 'utf8').replace(/(2\.推进改制,.*?,)not_started,/, '$1started,');
    expect(edited).not.toBe(readFileSync(exported, 'utf8'));
    const result = await cli(['import', write('edited.csv', edited)], env);
    expect(result.out).not.toContain('Changed in Slack');
    expect(withDb((db) => [findItem(db, 'P1', '1')?.status, findItem(db, 'P1', '2')?.status])).toEqual([
      'done',
      'started',
    ]);
  });
});
