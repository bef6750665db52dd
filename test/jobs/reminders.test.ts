import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, decodeItemButton } from '../../src/blocks/ids.ts';
import type { Db } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { runReminders } from '../../src/jobs/reminders.ts';
import { memoryDb, testConfig } from '../support/jobs.ts';

/** 09:00 in Shanghai on `day`. */
const at = (day: string) => new Date(`${day}T09:00:00+08:00`);

interface Ledger {
  items: Map<string, number>;
}

/**
 * Groups G1 (leader UL1, deputy UD1, liaison UC1) and G2 (leader UL2); departments D1 (UM1, UM2)
 * and D2 (UM3); admin UADM. Plans P1 (G1), P3 (G2) open; P2 (G2) closed out.
 */
function seed(
  db: Db,
  items: [plan: string, code: string, due: string | null, status: string, depts: string[]][],
): Ledger {
  const sql = db.$client;
  sql.exec(`
    insert into groups (id, code, name, channel) values (1, 'G1', '经济体制改革专项小组', 'C0G1'), (2, 'G2', 'Rural <reform> & land', 'C0G2');
    insert into group_members (group_id, user_id, role) values (1, 'UL1', 'leader'), (1, 'UD1', 'deputy'), (1, 'UC1', 'liaison'), (2, 'UL2', 'leader');
    insert into departments (id, name) values (1, 'D1'), (2, 'D2');
    insert into department_members (department_id, user_id) values (1, 'UM1'), (1, 'UM2'), (2, 'UM3');
    insert into admins (user_id) values ('UADM');
    insert into plans (id, code, title, domain, lead_group_id, stage) values (1, 'P1', 'Plan one', 'economic', 1, 'issued'), (3, 'P3', 'Plan three', 'social', 2, 'issued');
    insert into plans (id, code, title, domain, lead_group_id, stage, closed_on, closed_by) values (2, 'P2', 'Closed plan', 'social', 2, 'closed', '2026-11-01', 'UADM');
  `);
  const ids = new Map<string, number>();
  const plans: Record<string, number> = { P1: 1, P2: 2, P3: 3 };
  for (const [plan, code, due, status, depts] of items) {
    const id = Number(
      sql
        .prepare('insert into items (plan_id, code, title, due_on, status) values (?, ?, ?, ?, ?)')
        .run(plans[plan], code, `Item ${plan}#${code}`, due, status).lastInsertRowid,
    );
    depts.forEach((d, i) => {
      sql
        .prepare('insert into item_departments (item_id, department_id, position) values (?, ?, ?)')
        .run(id, d === 'D1' ? 1 : 2, i);
    });
    ids.set(`${plan}#${code}`, id);
  }
  return { items: ids };
}

/** Friday 2026-11-27: yellow = due 11-27 ... 12-02 (three working days), red = before 11-27. */
const FRIDAY_LEDGER: [string, string, string | null, string, string[]][] = [
  ['P1', '1', '2026-11-26', 'not_started', ['D1']], // red, 1 working day
  ['P1', '2', '2026-11-27', 'started', ['D1', 'D2']], // yellow (due today)
  ['P1', '3', '2026-12-02', 'not_started', ['D2']], // yellow (last day of the window)
  ['P1', '4', '2026-12-03', 'not_started', ['D1']], // green (just outside)
  ['P1', '5', '2026-11-01', 'done', ['D1']], // done: green
  ['P1', '6', '2026-11-02', 'started', ['D2']], // red, 19 working days: the admins hear of it
  ['P1', '7', null, 'not_started', ['D1']], // no due date: green
  ['P2', '1', '2026-11-20', 'not_started', ['D1']], // closed plan: never reminded
  ['P3', '1', '2026-11-30', 'not_started', ['D1']], // yellow, group G2
];

let db: Db;
beforeEach(() => {
  db = memoryDb();
});

type Payload = {
  text: string;
  blocks: {
    type: string;
    block_id?: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text?: unknown }[];
  }[];
};
const queuedRows = () =>
  db
    .select()
    .from(outbox)
    .all()
    .map((r) => ({ ...r, body: JSON.parse(r.payload) as Payload }));
const refsIn = (p: Payload) =>
  p.blocks
    .filter((b) => b.type === 'section')
    .flatMap((b) => [...(b.text?.text ?? '').matchAll(/\*(P\d#\d)\*/g)].map((m) => m[1]));
const byTarget = () => new Map(queuedRows().map((r) => [r.idempotencyKey, r]));

describe('reminders on a working day', () => {
  it('sends each responsible person one message with their red and yellow items, worst first', () => {
    seed(db, FRIDAY_LEDGER);
    const result = runReminders({
      db,
      now: at('2026-11-27'),
      config: testConfig({ REFORM_LOCALE: 'en' }),
      calendar: CN_CALENDAR,
    });
    const rows = byTarget();
    expect(refsIn(rows.get('reminder:UM1:items:2026-11-27')!.body)).toEqual(['P1#1', 'P1#2', 'P3#1']);
    expect(refsIn(rows.get('reminder:UM2:items:2026-11-27')!.body)).toEqual(['P1#1', 'P1#2', 'P3#1']);
    expect(refsIn(rows.get('reminder:UM3:items:2026-11-27')!.body)).toEqual(['P1#6', 'P1#2', 'P1#3']);
    expect(rows.get('reminder:UM1:items:2026-11-27')!.body.text).toBe('Deadline reminder: 1 overdue, 2 due soon');
    expect(result.details).toMatchObject({ day: '2026-11-27', people: 3, items: 5 });
  });

  it("sends each group leader and deputy one message for the group's items; liaisons get none", () => {
    seed(db, FRIDAY_LEDGER);
    runReminders({ db, now: at('2026-11-27'), config: testConfig({ REFORM_LOCALE: 'en' }), calendar: CN_CALENDAR });
    const rows = byTarget();
    expect(refsIn(rows.get('reminder:UL1:group-G1:2026-11-27')!.body)).toEqual(['P1#6', 'P1#1', 'P1#2', 'P1#3']);
    expect(refsIn(rows.get('reminder:UD1:group-G1:2026-11-27')!.body)).toEqual(['P1#6', 'P1#1', 'P1#2', 'P1#3']);
    expect(refsIn(rows.get('reminder:UL2:group-G2:2026-11-27')!.body)).toEqual(['P3#1']);
    expect(queuedRows().some((r) => r.target === 'UC1')).toBe(false);
    // Group names from the org file are escaped.
    expect(JSON.stringify(rows.get('reminder:UL2:group-G2:2026-11-27')!.body)).toContain(
      'Rural &lt;reform&gt; &amp; land',
    );
  });

  it('reports items overdue beyond ADMIN_OVERDUE_WORKDAYS to the admins in one message', () => {
    seed(db, FRIDAY_LEDGER);
    runReminders({
      db,
      now: at('2026-11-27'),
      config: testConfig({ REFORM_LOCALE: 'en', ADMIN_OVERDUE_WORKDAYS: '10' }),
      calendar: CN_CALENDAR,
    });
    const report = queuedRows().filter((r) => r.target === 'UADM');
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({
      kind: 'reminder.admin',
      idempotencyKey: 'reminder.admin:UADM:overdue:2026-11-27',
    });
    expect(refsIn(report[0]!.body)).toEqual(['P1#6']);
    expect(JSON.stringify(report[0]!.body)).toContain('19 working days');
  });

  it('sends the admins nothing when nothing is overdue that long', () => {
    seed(db, FRIDAY_LEDGER);
    runReminders({
      db,
      now: at('2026-11-27'),
      config: testConfig({ ADMIN_OVERDUE_WORKDAYS: '19' }),
      calendar: CN_CALENDAR,
    });
    expect(queuedRows().some((r) => r.target === 'UADM')).toBe(false);
  });

  it('gives each item buttons to mark it started or done and to open the update modal', () => {
    const ledger = seed(db, FRIDAY_LEDGER);
    db.$client.prepare('update items set version = 4 where id = ?').run(ledger.items.get('P1#1'));
    runReminders({ db, now: at('2026-11-27'), config: testConfig(), calendar: CN_CALENDAR });
    const body = byTarget().get('reminder:UM1:items:2026-11-27')!.body;
    const actions = body.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(3);
    const first = actions[0]!.elements!;
    expect(first.map((e) => e.action_id)).toEqual([
      ACTIONS.itemMarkStarted,
      ACTIONS.itemMarkDone,
      ACTIONS.itemOpenUpdate,
      ACTIONS.extensionOpen,
    ]);
    for (const e of first) expect(decodeItemButton(e.value!)).toEqual({ itemId: ledger.items.get('P1#1'), version: 4 });
    // An item already started has no "mark started" button.
    expect(actions[1]!.elements!.map((e) => e.action_id)).toEqual([
      ACTIONS.itemMarkDone,
      ACTIONS.itemOpenUpdate,
      ACTIONS.extensionOpen,
    ]);
  });

  it('writes in the cached Slack locale of each person, else REFORM_LOCALE', () => {
    seed(db, FRIDAY_LEDGER);
    db.$client
      .prepare("insert into user_locales (user_id, locale, fetched_at) values ('UM3', 'en-US', '2026-11-01T00:00:00Z')")
      .run();
    runReminders({ db, now: at('2026-11-27'), config: testConfig({ REFORM_LOCALE: 'zh-CN' }), calendar: CN_CALENDAR });
    const rows = byTarget();
    expect(rows.get('reminder:UM3:items:2026-11-27')!.body.text).toBe('Deadline reminder: 1 overdue, 2 due soon');
    expect(rows.get('reminder:UM1:items:2026-11-27')!.body.text).toBe('到期提醒：1 项已逾期，2 项即将到期');
  });

  it('queues nothing new when run again the same day, even at another hour', () => {
    seed(db, FRIDAY_LEDGER);
    const config = testConfig();
    const first = runReminders({ db, now: at('2026-11-27'), config, calendar: CN_CALENDAR });
    expect(first.queued).toBe(7); // 3 people, 3 leaders/deputies, 1 admin
    const again = runReminders({ db, now: new Date('2026-11-27T16:30:00+08:00'), config, calendar: CN_CALENDAR });
    expect(again.queued).toBe(0);
    expect(queuedRows()).toHaveLength(7);
    // The next working day (Monday) is a new period.
    expect(runReminders({ db, now: at('2026-11-30'), config, calendar: CN_CALENDAR }).queued).toBeGreaterThan(0);
  });

  it('uses the day in REFORM_TZ: 23:30 UTC on Thursday is already Friday in Shanghai', () => {
    seed(db, FRIDAY_LEDGER);
    runReminders({ db, now: new Date('2026-11-26T23:30:00Z'), config: testConfig(), calendar: CN_CALENDAR });
    expect(queuedRows().every((r) => r.idempotencyKey.endsWith(':2026-11-27'))).toBe(true);
  });
});

describe('reminders respect the working-day calendar', () => {
  it('sends nothing on a Saturday', () => {
    seed(db, FRIDAY_LEDGER);
    const result = runReminders({ db, now: at('2026-11-28'), config: testConfig(), calendar: CN_CALENDAR });
    expect(result).toEqual({ queued: 0, details: { day: '2026-11-28', skipped: 'not a working day' } });
    expect(queuedRows()).toEqual([]);
  });

  it('sends nothing on a public holiday (National Day, Thursday 2026-10-01)', () => {
    seed(db, [['P1', '1', '2026-09-30', 'not_started', ['D1']]]);
    expect(runReminders({ db, now: at('2026-10-01'), config: testConfig(), calendar: CN_CALENDAR }).queued).toBe(0);
    expect(queuedRows()).toEqual([]);
  });

  it('runs on a make-up working day (Saturday 2026-10-10), counting working days across the holiday', () => {
    seed(db, [
      ['P1', '1', '2026-09-30', 'not_started', ['D1']], // red: working days lost 10-08, 10-09 and 10-10 = 3
      ['P1', '2', '2026-10-14', 'not_started', ['D1']], // yellow: 10-12, 10-13, 10-14 are the next three working days
      ['P1', '3', '2026-10-15', 'not_started', ['D1']], // green
      ['P1', '4', '2026-10-10', 'started', ['D1']], // due today: yellow
    ]);
    const result = runReminders({
      db,
      now: at('2026-10-10'),
      config: testConfig({ REFORM_LOCALE: 'en' }),
      calendar: CN_CALENDAR,
    });
    expect(result.details).toMatchObject({ day: '2026-10-10', items: 3 });
    const body = byTarget().get('reminder:UM1:items:2026-10-10')!.body;
    expect(refsIn(body)).toEqual(['P1#1', 'P1#4', 'P1#2']);
    expect(JSON.stringify(body)).toContain('overdue since 2026-09-30 (3 working days)');
  });
});
