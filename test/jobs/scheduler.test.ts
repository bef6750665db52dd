import { afterEach, describe, expect, it, vi } from 'vitest';
import { fastClock } from '../../src/clock.ts';
import { jobRuns, outbox } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { cronMatcher, missedSlot, slotsBackwards } from '../../src/jobs/catchUp.ts';
import type { Job } from '../../src/jobs/job.ts';
import { runSlot } from '../../src/jobs/runSlot.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { memoryDb, recordingJob, silentLog, testConfig } from '../support/jobs.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('cron slots in a time zone', () => {
  it('finds 09:00 Asia/Shanghai slots walking back, newest first', () => {
    const m = cronMatcher('0 9 * * *', 'Asia/Shanghai');
    const slots = [...slotsBackwards(m, new Date('2026-11-25T00:00:00Z'), new Date('2026-11-27T12:00:00Z'))];
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-11-27T01:00:00.000Z',
      '2026-11-26T01:00:00.000Z',
      '2026-11-25T01:00:00.000Z',
    ]);
  });

  it('uses node-cron semantics, including seconds fields', () => {
    const m = cronMatcher('30 */15 * * * *', 'UTC');
    const slots = [...slotsBackwards(m, new Date('2026-11-27T08:00:00Z'), new Date('2026-11-27T08:31:00Z'))];
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-11-27T08:30:30.000Z',
      '2026-11-27T08:15:30.000Z',
      '2026-11-27T08:00:30.000Z',
    ]);
  });
});

describe('runSlot', () => {
  it('runs a slot once, records it with the queued count, and skips it afterwards', () => {
    const db = memoryDb();
    const job = recordingJob('reminders', '0 9 * * *');
    const ctx = { db, now: new Date('2026-11-27T01:00:00Z'), config: testConfig(), calendar: WEEKENDS_ONLY };
    expect(runSlot(job, ctx, { startedAt: new Date('2026-11-27T01:00:01Z') }).status).toBe('ran');
    expect(runSlot(job, ctx, { startedAt: new Date('2026-11-27T01:00:02Z') }).status).toBe('skipped');
    const rows = db.select().from(jobRuns).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ job: 'reminders', scheduledFor: '2026-11-27T01:00:00.000Z', queued: 1 });
    expect(rows[0]?.finishedAt).not.toBeNull();
    expect(job.runs).toHaveLength(1);
  });

  it('rolls back what a failing job queued, records the error, and lets the slot be retried', () => {
    const db = memoryDb();
    let fail = true;
    const job: Job = {
      name: 'digest',
      schedule: () => '0 9 * * 1',
      run({ db: d, now }) {
        enqueue(d, { idempotencyKey: 'k1', kind: 'test', target: 'C1', payload: { text: 'x' } }, now);
        if (fail) throw new Error('boom');
        return { queued: 1 };
      },
    };
    const ctx = { db, now: new Date('2026-11-23T01:00:00Z'), config: testConfig(), calendar: WEEKENDS_ONLY };
    const first = runSlot(job, ctx, { startedAt: ctx.now });
    expect(first.status).toBe('failed');
    expect(db.select().from(outbox).all()).toHaveLength(0);
    expect(db.select().from(jobRuns).get()).toMatchObject({ error: 'boom', finishedAt: null });
    fail = false;
    expect(runSlot(job, ctx, { startedAt: ctx.now }).status).toBe('ran');
    expect(db.select().from(outbox).all()).toHaveLength(1);
    expect(db.select().from(jobRuns).get()).toMatchObject({ error: null, queued: 1 });
  });

  it('works with jobs that open their own transaction (a savepoint inside the slot transaction)', () => {
    const db = memoryDb();
    let fail = false;
    const job: Job = {
      name: 'closeout',
      schedule: () => '0 9 * * *',
      run: ({ db: d, now }) =>
        d.transaction(() => {
          enqueue(d, { idempotencyKey: 'inner', kind: 'test', target: 'C1', payload: { text: 'x' } }, now);
          return { queued: 1 };
        }),
    };
    const failing: Job = {
      ...job,
      name: 'digest',
      run: (ctx) => {
        const r = job.run(ctx);
        if (fail) throw new Error('after inner commit');
        return r;
      },
    };
    const ctx = { db, now: new Date('2026-11-27T01:00:00Z'), config: testConfig(), calendar: WEEKENDS_ONLY };
    fail = true;
    expect(runSlot(failing, ctx, { startedAt: ctx.now }).status).toBe('failed');
    expect(db.select().from(outbox).all()).toHaveLength(0);
    expect(runSlot(job, ctx, { startedAt: ctx.now })).toMatchObject({ status: 'ran', result: { queued: 1 } });
    expect(db.select().from(outbox).all()).toHaveLength(1);
  });

  it('force runs a recorded slot again without a second job_runs row (the CLI)', () => {
    const db = memoryDb();
    const job = recordingJob('reminders', '0 9 * * *');
    const ctx = { db, now: new Date('2026-11-27T01:00:00Z'), config: testConfig(), calendar: WEEKENDS_ONLY };
    runSlot(job, ctx, { startedAt: ctx.now });
    const again = runSlot(job, ctx, { startedAt: ctx.now, force: true });
    expect(again).toMatchObject({ status: 'ran', result: { queued: 0 } });
    expect(db.select().from(jobRuns).all()).toHaveLength(1);
  });
});

describe('catch-up after downtime', () => {
  it('runs the latest missed slot once; a second start runs nothing', async () => {
    const db = memoryDb();
    const config = testConfig({ CATCH_UP_HOURS: '24' });
    const job = recordingJob('reminders', '0 9 * * *');
    // The bot ran on Wednesday 09:00 Shanghai, then was down until Friday 10:30 (Thursday's
    // 09:00 is more than 24 h ago; Friday's 09:00 was missed).
    runSlot(
      job,
      { db, now: new Date('2026-11-25T01:00:00Z'), config, calendar: WEEKENDS_ONLY },
      { startedAt: new Date('2026-11-25T01:00:00Z') },
    );
    job.runs.length = 0;
    const startedAt = new Date('2026-11-27T02:30:00Z');
    const first = createScheduler({
      db,
      config,
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      now: () => startedAt,
    });
    const report = await first.catchUp();
    expect(report.map((r) => [r.job, r.slot.toISOString(), r.outcome.status])).toEqual([
      ['reminders', '2026-11-27T01:00:00.000Z', 'ran'],
    ]);
    expect(job.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z']);

    const second = createScheduler({
      db,
      config,
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      now: () => new Date('2026-11-27T02:31:00Z'),
    });
    expect(await second.catchUp()).toEqual([]);
    expect(job.runs).toHaveLength(1);
    expect(db.select().from(outbox).all()).toHaveLength(2);
  });

  it('looks back no further than CATCH_UP_HOURS, and not at all with 0', () => {
    const db = memoryDb();
    const job = recordingJob('digest', '0 9 * * 1');
    const m = cronMatcher('0 9 * * 1', 'Asia/Shanghai');
    const friday = new Date('2026-11-27T02:30:00Z');
    expect(missedSlot(db, 'digest', m, friday, 24)).toBeUndefined();
    expect(missedSlot(db, 'digest', m, friday, 24 * 5)?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(missedSlot(db, 'digest', m, friday, 0)).toBeUndefined();
    expect(job.runs).toEqual([]);
  });
});

describe('cron wiring', () => {
  it('fires at the slot in REFORM_TZ with now = the slot, records job_runs, and pokes the dispatcher', async () => {
    vi.useFakeTimers();
    // 08:59:58 in Shanghai, Friday 2026-11-27.
    vi.setSystemTime(new Date('2026-11-27T00:59:58Z'));
    const db = memoryDb();
    const job = recordingJob('reminders', '0 9 * * *');
    const onQueued = vi.fn();
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '0' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      onQueued,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(job.runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(job.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z']);
    expect(
      db
        .select()
        .from(jobRuns)
        .all()
        .map((r) => r.scheduledFor),
    ).toEqual(['2026-11-27T01:00:00.000Z']);
    expect(onQueued).toHaveBeenCalledTimes(1);
    // The next day's slot fires too; nothing in between.
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(job.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z', '2026-11-28T01:00:00.000Z']);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(job.runs).toHaveLength(2);
  });

  it('runs a slot node-cron reports missed because another job blocked the event loop past it', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T00:59:59Z'));
    const db = memoryDb();
    // Monday 09:00: the reminders take 5 s of CPU; the digest's timer then fires 5 s late.
    const slow = recordingJob('reminders', '0 9 * * *');
    const slowRun = slow.run;
    slow.run = (ctx) => {
      vi.setSystemTime(Date.now() + 5000);
      return slowRun(ctx);
    };
    const digest = recordingJob('digest', '0 9 * * 1');
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '0' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [slow, digest],
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(slow.runs.map((d) => d.toISOString())).toEqual(['2026-11-30T01:00:00.000Z']);
    expect(digest.runs.map((d) => d.toISOString())).toEqual(['2026-11-30T01:00:00.000Z']);
    expect(
      db
        .select()
        .from(jobRuns)
        .all()
        .map((r) => `${r.job} ${r.scheduledFor}`)
        .sort(),
    ).toEqual(['digest 2026-11-30T01:00:00.000Z', 'reminders 2026-11-30T01:00:00.000Z']);
    await scheduler.stop();
  });
});

describe('on a fast clock (FAST_CLOCK)', () => {
  it('runs every slot the virtual time passes, with now = the slot, and nothing after stop', async () => {
    vi.useFakeTimers();
    // One real second is ten virtual minutes; the virtual time starts Friday 08:40 in Shanghai.
    const clock = fastClock({ speed: 600, start: new Date('2026-11-27T00:40:00Z'), realStart: new Date(Date.now()) });
    const db = memoryDb();
    const reminders = recordingJob('reminders', '0 9 * * *');
    const followups = recordingJob('followups', '*/15 * * * *');
    const onQueued = vi.fn();
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '0' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [reminders, followups],
      now: clock.now,
      tickMs: 100,
      onQueued,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2000); // to 09:00
    expect(reminders.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z']);
    expect(followups.runs.map((d) => d.toISOString())).toEqual([
      '2026-11-27T00:45:00.000Z',
      '2026-11-27T01:00:00.000Z',
    ]);
    expect(onQueued).toHaveBeenCalledTimes(3);
    // The event loop was blocked for a virtual hour: each slot in it runs once, oldest first.
    vi.setSystemTime(Date.now() + 6000);
    await vi.advanceTimersByTimeAsync(100);
    expect(followups.runs.slice(2).map((d) => d.toISOString())).toEqual([
      '2026-11-27T01:15:00.000Z',
      '2026-11-27T01:30:00.000Z',
      '2026-11-27T01:45:00.000Z',
      '2026-11-27T02:00:00.000Z',
    ]);
    // A virtual day later, the next 09:00.
    await vi.advanceTimersByTimeAsync(144_000);
    expect(reminders.runs.map((d) => d.toISOString())).toEqual([
      '2026-11-27T01:00:00.000Z',
      '2026-11-28T01:00:00.000Z',
    ]);
    expect(
      db
        .select()
        .from(jobRuns)
        .all()
        .filter((r) => r.job === 'reminders' && r.finishedAt !== null),
    ).toHaveLength(2);
    await scheduler.stop();
    const runs = followups.runs.length;
    await vi.advanceTimersByTimeAsync(144_000);
    expect(followups.runs).toHaveLength(runs);
  });

  it('starts ticking where the catch-up looked, so a slot at start-up runs exactly once', async () => {
    vi.useFakeTimers();
    const clock = fastClock({ speed: 600, start: new Date('2026-11-27T01:00:00Z'), realStart: new Date(Date.now()) });
    const db = memoryDb();
    const reminders = recordingJob('reminders', '0 9 * * *');
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '1' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [reminders],
      now: clock.now,
      tickMs: 100,
    });
    scheduler.start();
    expect(reminders.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reminders.runs).toHaveLength(1);
    await scheduler.stop();
  });
});
