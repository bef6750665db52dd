// Reminder messages stay within Slack's limits for the largest realistic ledger (10,000 plans,
// 250,000 items, 40 groups with long names, titles full of characters that need escaping), in
// both languages; and the builders stay within them for the worst text we can construct.
import { beforeAll, describe, expect, it } from 'vitest';
import { blockTextLength } from '../../src/blocks/messages/digestPack.ts';
import {
  adminOverdueMessage,
  MAX_ITEMS,
  type ReminderLine,
  reminderMessage,
} from '../../src/blocks/messages/reminder.ts';
import type { Db } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import type { Locale } from '../../src/domain/types.ts';
import { translator } from '../../src/i18n/index.ts';
import { runReminders } from '../../src/jobs/reminders.ts';
import { loadLargeLedger } from '../support/digestLedgers.ts';
import { memoryDb, testConfig } from '../support/jobs.ts';

type Block = { type: string; text?: { text: string }; elements?: { type?: string; text?: unknown; value?: string }[] };

function expectWithinLimits(message: { text: string; blocks: unknown[] }): void {
  const blocks = message.blocks as Block[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(12_000);
  expect(message.text.length).toBeLessThanOrEqual(4_000);
  for (const block of blocks) {
    if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'context')
      for (const e of block.elements ?? []) expect(String(e.text).length).toBeLessThanOrEqual(3000);
    if (block.type === 'actions') {
      expect(block.elements!.length).toBeLessThanOrEqual(25);
      for (const e of block.elements!) {
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(75);
        expect(e.value!.length).toBeLessThanOrEqual(2000);
      }
    }
  }
}

describe('reminders over a 10,000-plan ledger', () => {
  let db: Db;
  beforeAll(() => {
    db = memoryDb();
    loadLargeLedger(db);
    const sql = db.$client;
    sql.transaction(() => {
      for (let d = 1; d <= 40; d++) {
        sql.prepare('insert into departments (id, name) values (?, ?)').run(d, `省直部门${d}`);
        for (let m = 1; m <= 3; m++)
          sql.prepare('insert into department_members (department_id, user_id) values (?, ?)').run(d, `U0M${d}X${m}`);
      }
      // Every item has a lead and a participating department.
      sql.exec(
        'insert into item_departments (item_id, department_id, position) select id, ((id / 4) % 40) + 1, 0 from items',
      );
      sql.exec(
        'insert into item_departments (item_id, department_id, position) select id, (((id / 4) + 7) % 40) + 1, 1 from items',
      );
      sql.exec("insert into group_members (group_id, user_id, role) select id, 'U0L' || id, 'leader' from groups");
      sql.exec("insert into group_members (group_id, user_id, role) select id, 'U0D' || id, 'deputy' from groups");
      sql.exec("insert into admins (user_id) values ('U0ADM1'), ('U0ADM2')");
      // Half the people read English, half Chinese.
      sql.exec(
        "insert into user_locales (user_id, locale, fetched_at) select user_id, 'en-US', '2026-11-01T00:00:00Z' from department_members where department_id % 2 = 0",
      );
    })();
  }, 60_000);

  it.each(['zh-CN', 'en'] as Locale[])('every message is within Slack limits (REFORM_LOCALE %s)', (locale) => {
    db.delete(outbox).run();
    const result = runReminders({
      db,
      now: new Date('2026-11-27T09:00:00+08:00'),
      config: testConfig({ REFORM_LOCALE: locale }),
      calendar: CN_CALENDAR,
    });
    expect(Number(result.details?.items)).toBeGreaterThan(30_000);
    // 120 department members, 80 leaders and deputies, 2 admins.
    expect(result.details).toMatchObject({ people: 120, groupMessages: 80 });
    expect(result.queued).toBe(120 + 80 + 2);
    const rows = db.select().from(outbox).all();
    const texts = new Set<string>();
    for (const row of rows) {
      const message = JSON.parse(row.payload) as { text: string; blocks: unknown[] };
      expectWithinLimits(message);
      texts.add(row.kind === 'reminder.admin' ? 'admin' : /[\u4e00-\u9fff]/.test(message.text) ? 'zh' : 'en');
      const json = JSON.stringify(message.blocks);
      expect(json).not.toContain('<若干>');
      expect(json).toMatch(/and \d+ more|另有 \d+ 项/);
    }
    expect(texts).toEqual(new Set(['zh', 'en', 'admin']));
  });
});

describe('reminder builders, worst-case text', () => {
  const line = (i: number, light: 'red' | 'yellow'): ReminderLine => ({
    itemId: 1_000_000 + i,
    version: 999_999,
    planCode: `SC-${'&'.repeat(40)}${i}`,
    itemCode: `<${'9'.repeat(30)}>`,
    title: '&<>'.repeat(200),
    dueOn: '2026-11-01',
    status: 'not_started',
    light,
    overdueWorkdays: 123,
    groupCode: '&'.repeat(60),
  });
  const many = Array.from({ length: 5_000 }, (_, i) => line(i, i % 2 === 0 ? 'red' : 'yellow'));

  it.each(['zh-CN', 'en'] as Locale[])('person and group messages (%s)', (locale) => {
    const person = reminderMessage(translator(locale), { kind: 'person' }, many, '2026-11-27');
    expectWithinLimits(person);
    expect((person.blocks as Block[]).filter((b) => b.type === 'actions').length).toBeLessThanOrEqual(MAX_ITEMS);
    const group = reminderMessage(
      translator(locale),
      { kind: 'group', groupCode: '&'.repeat(200), groupName: '<!channel>'.repeat(100) },
      many,
      '2026-11-27',
    );
    expectWithinLimits(group);
    expect(JSON.stringify(group)).not.toContain('<!channel>');
  });

  it.each(['zh-CN', 'en'] as Locale[])('admin report (%s)', (locale) => {
    expectWithinLimits(adminOverdueMessage(translator(locale), many, '2026-11-27', 10));
  });

  it('lists every item when they fit, with no "more" line', () => {
    const few = [line(1, 'yellow'), line(2, 'red')].map((l) => ({
      ...l,
      title: 'short',
      planCode: 'P1',
      groupCode: 'G1',
    }));
    const message = reminderMessage(translator('en'), { kind: 'person' }, few, '2026-11-27');
    expect((message.blocks as Block[]).filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(JSON.stringify(message)).not.toContain('more');
  });
});
