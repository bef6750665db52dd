import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { digestSnapshots } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { lightOf } from '../../src/domain/lights.ts';
import { isoWeek, runDigest } from '../../src/jobs/digest.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { generateSeedLedger, SEED_EXPECTED } from '../fixtures/seedLedger.ts';
import { loadSeedAssessed } from '../support/digestLedgers.ts';
import { jobContext, memoryDb, queued, testConfig } from '../support/jobs.ts';
import { ADMINS, CHANNELS } from '../support/office.ts';

// Mondays: 2016-06-20 (ISO week 25) and 2016-06-27 (week 26).
const WEEK25 = '2016-06-20T09:00:00+08:00';
const WEEK26 = '2016-06-27T09:00:00+08:00';

const blockText = (row: { blocks: Record<string, unknown>[] }) => JSON.stringify(row.blocks);

function seedDb(): Db {
  const db = memoryDb();
  loadSeedAssessed(db);
  db.$client.prepare("insert into settings (key, value) values ('digest_channel', ?)").run(CHANNELS.digest);
  db.$client.prepare('insert into admins (user_id) values (?)').run(ADMINS[0]);
  return db;
}

describe('isoWeek', () => {
  it.each([
    ['2016-06-27', '2016-W26'],
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s is %s', (date, week) => expect(isoWeek(date)).toBe(week));
});

describe('weekly digest job', () => {
  let db: Db;
  beforeEach(() => {
    db = seedDb();
  });

  it('posts the seed table as the headline, with the lights and close-out counts', () => {
    const result = runDigest(jobContext(db, WEEK26));
    const [parent, ...replies] = queued(db);
    expect(result.queued).toBe(1 + replies.length);
    expect(parent).toMatchObject({
      kind: 'digest',
      target: CHANNELS.digest,
      key: `digest:${CHANNELS.digest}:parent:2016-W26`,
      parentId: null,
    });
    const text = blockText(parent as never);
    expect(text).toContain('督察周报 · 2016-W26');
    expect(text).toContain(
      '35 个方案 717 项具体改革事项：已完成 461 项（64.3%），已启动未完成 224 项（31.2%），未启动 32 项（4.5%）',
    );
    expect(text).toContain('完成率 64.3%（首次周报，暂无对比）');
    // red and yellow counted independently from the ledger rows
    const rows = generateSeedLedger().filter((r) => r.issued_on !== '' && r.issued_on <= SEED_EXPECTED.roundCutoff);
    const light = (r: (typeof rows)[number]) =>
      lightOf({ status: r.status as never, dueOn: r.due_on || null }, '2016-06-27', CN_CALENDAR);
    const red = rows.filter((r) => light(r) === 'red').length;
    const yellow = rows.filter((r) => light(r) === 'yellow').length;
    expect(red).toBeGreaterThan(0);
    expect(text).toContain(`逾期 ${red} 项`);
    expect(text).toContain(`3 个工作日内到期 ${yellow} 项`);
    expect(text).toContain('可销账方案 6 个');
    // replies hang under the parent
    expect(replies.length).toBeGreaterThanOrEqual(6);
    for (const r of replies) expect(r.parentId).toBe(parent?.id);
  });

  it('ranks groups by completion and lists the overdue items worst first', () => {
    runDigest(jobContext(db, WEEK26));
    const replies = queued(db).slice(1).map(blockText);
    const groups = replies.find((r) => r.includes('按专项小组')) as string;
    const order = [...groups.matchAll(/\d+\. \*(G\d)/g)].map((m) => m[1]);
    // the expected ranking, computed from the fixture rows
    const tally = new Map<string, { done: number; all: number }>();
    for (const r of generateSeedLedger().filter(
      (x) => x.issued_on !== '' && x.issued_on <= SEED_EXPECTED.roundCutoff,
    )) {
      const t = tally.get(r.lead_group) ?? { done: 0, all: 0 };
      t.all += 1;
      if (r.status === 'done') t.done += 1;
      tally.set(r.lead_group, t);
    }
    // by rate; G5 and G7 both have 50.0%, the group with more items (G7, 82) ranks first
    const expected = [...tally]
      .sort((a, b) => b[1].done / b[1].all - a[1].done / a[1].all || b[1].all - a[1].all)
      .map(([g]) => g);
    expect(expected.slice(6)).toEqual(['G7', 'G5', 'G8']);
    expect(order).toEqual(expected);
    expect(order[0]).toBe('G9'); // discipline: 42 of 50 done
    expect(groups).toContain('1. *G9 纪律检查体制改革专项小组* 3 个方案 50 项：完成 42（84.0%）');
    const overdue = replies.find((r) => r.includes('逾期事项')) as string;
    const dues = [...overdue.matchAll(/应于 (\d{4}-\d{2}-\d{2}) 完成/g)].map((m) => m[1] as string);
    expect(dues.length).toBeGreaterThan(1);
    expect([...dues].sort()).toEqual(dues);
  });

  it('reports the change since last week in points, and plans closed and follow-ups open since', () => {
    runDigest(jobContext(db, WEEK25));
    // during the week: 15 started items are finished, one closable plan is closed out, a central plan passes
    db.$client
      .prepare(
        "update items set status = 'done' where id in (select id from items where status = 'started' order by id limit 15)",
      )
      .run();
    db.$client
      .prepare(
        "update plans set stage = 'closed', closed_on = '2016-06-22', closed_by = 'UADMIN' where code = 'SC-FA-001'",
      )
      .run();
    registerCentralPlan(
      db,
      {
        title: '关于完善产权保护制度依法保护产权的意见',
        passedOn: '2016-06-21',
        groupCode: 'G1',
        createdBy: ADMINS[0],
      },
      { now: new Date('2016-06-21T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    const before = queued(db).length;
    runDigest(jobContext(db, WEEK26));
    const rows = queued(db).slice(before);
    expect(blockText(rows[0] as never)).toContain('完成率 66.4%（较上周 +2.1 个百分点）'); // 476 of 717
    expect(rows[0]?.text).toContain('较上周 +2.1 个百分点');
    const all = rows.map(blockText).join('\n');
    expect(all).toContain('2016-06-20 以来已销账方案（1 个）');
    expect(all).toContain('*SC-FA-001*');
    expect(all).toContain('待报对接工作安排的中央改革方案（1 件）');
    expect(all).toContain('已逾期 3 天（督办事项）');
    expect(
      db
        .select()
        .from(digestSnapshots)
        .all()
        .map((s) => s.period),
    ).toEqual(['2016-W25', '2016-W26']);
  });

  it('names the digest compared with when last week was skipped', () => {
    runDigest(jobContext(db, '2016-06-13T09:00:00+08:00'));
    const before = queued(db).length;
    runDigest(jobContext(db, WEEK26));
    expect(queued(db)[before]?.text).toContain('较 2016-W24 周报 0.0 个百分点');
  });

  it('queues nothing new when run again in the same week, even on another day', () => {
    const first = runDigest(jobContext(db, WEEK26));
    expect(first.queued).toBeGreaterThan(1);
    expect(runDigest(jobContext(db, WEEK26)).queued).toBe(0);
    expect(runDigest(jobContext(db, '2016-07-01T18:00:00+08:00'))).toMatchObject({
      queued: 0,
      details: { skipped: 'already posted this week' },
    });
  });

  it('is posted on a holiday Monday too (2026-10-05, National Day)', () => {
    expect(runDigest(jobContext(db, '2026-10-05T09:00:00+08:00')).queued).toBeGreaterThan(1);
  });

  it('writes English when REFORM_LOCALE is en', () => {
    runDigest(jobContext(db, WEEK26, testConfig({ REFORM_LOCALE: 'en' })));
    const text = blockText(queued(db)[0] as never);
    expect(text).toContain('717 items in 35 plans: 461 done (64.3%), 224 started (31.2%), 32 not started (4.5%)');
    expect(text).toContain('Completion 64.3% (first digest');
  });

  it('tells the admins when no digest channel is set, and posts once one is', () => {
    db.$client.prepare("delete from settings where key = 'digest_channel'").run();
    expect(runDigest(jobContext(db, WEEK26))).toMatchObject({ queued: 1, details: { skipped: 'no digest channel' } });
    expect(queued(db)[0]).toMatchObject({ kind: 'digest.no_channel', target: ADMINS[0] });
    expect(runDigest(jobContext(db, '2016-06-27T10:00:00+08:00')).queued).toBe(0);
    db.$client.prepare("insert into settings (key, value) values ('digest_channel', 'C0LATE')").run();
    expect(runDigest(jobContext(db, '2016-06-27T11:00:00+08:00')).queued).toBeGreaterThan(1);
  });
});
