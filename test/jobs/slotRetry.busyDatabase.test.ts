// A slot that meets a database another process is writing (a CLI import holding the write lock)
// is retried within minutes, and still runs exactly once.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobRuns, outbox } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { jobRetryDelayMs } from '../../src/jobs/slotRetry.ts';
import { runSlotsHere, type SlotRunner } from '../../src/jobs/slotRunner.ts';
import { type TempDb, tempDb } from '../support/db.ts';
import { recordingJob, silentLog, testConfig } from '../support/jobs.ts';

let temp: TempDb | undefined;
afterEach(() => {
  vi.useRealTimers();
  temp?.cleanup();
  temp = undefined;
});

/** The database as the bot will see it: a short busy_timeout, and another process holding the write lock. */
function busyDatabase() {
  temp = tempDb();
  temp.db.$client.pragma('busy_timeout = 0');
  const other = new Database(temp.path);
  other.exec('BEGIN IMMEDIATE');
  return {
    db: temp.db,
    release: () => {
      other.exec('COMMIT');
      other.close();
    },
  };
}

const finishedRuns = (db: TempDb['db']) =>
  db
    .select()
    .from(jobRuns)
    .all()
    .filter((r) => r.finishedAt !== null);

describe('a job slot that meets a busy database', () => {
  it('is retried 15 s later, runs once, and a retry of a slot already done does nothing', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T00:59:58Z')); // Friday 08:59:58 in Shanghai
    const { db, release } = busyDatabase();
    const job = recordingJob('reminders', '0 9 * * *');
    const onQueued = vi.fn();
    // CATCH_UP_HOURS 1: the day before's slot is not caught up at start (one slot in play).
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '1' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      onQueued,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3000); // 09:00:01: the slot fired and met SQLITE_BUSY
    expect(job.runs).toEqual([]);
    expect(finishedRuns(db)).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(10_000); // not yet: the first retry is 15 s after the failure
    expect(job.runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(job.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:00:00.000Z']);
    expect(finishedRuns(db)).toMatchObject([{ scheduledFor: '2026-11-27T01:00:00.000Z', queued: 1, error: null }]);
    expect(db.select().from(outbox).all()).toHaveLength(1);
    expect(onQueued).toHaveBeenCalledTimes(1);
    // Nothing more for that slot, however long the bot runs on (until the next day's slot).
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(job.runs).toHaveLength(1);
    await scheduler.stop();
  });

  it("skips the retry when the slot was run meanwhile (a restart's catch-up, another process)", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T00:59:58Z'));
    const { db, release } = busyDatabase();
    const job = recordingJob('reminders', '0 9 * * *');
    const config = testConfig({ CATCH_UP_HOURS: '1' });
    const here = runSlotsHere({ db, config, calendar: WEEKENDS_ONLY });
    const outcomes: string[] = [];
    const runSlot: SlotRunner = async (j, slot, startedAt) => {
      const outcome = await here(j, slot, startedAt);
      outcomes.push(outcome.status);
      return outcome;
    };
    const scheduler = createScheduler({ db, config, calendar: WEEKENDS_ONLY, log: silentLog(), jobs: [job], runSlot });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3000);
    release();
    const other = createScheduler({ db, config, calendar: WEEKENDS_ONLY, log: silentLog(), jobs: [job] });
    expect((await other.catchUp()).map((r) => r.outcome.status)).toEqual(['ran']);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(outcomes).toEqual(['failed', 'skipped']);
    expect(job.runs).toHaveLength(1);
    expect(finishedRuns(db)).toHaveLength(1);
    expect(db.select().from(outbox).all()).toHaveLength(1);
    await Promise.all([scheduler.stop(), other.stop()]);
  });

  it('keeps retrying, backing off to 5 minutes, until the slot is older than CATCH_UP_HOURS', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T00:59:58Z'));
    const { db, release } = busyDatabase(); // held for the whole test: every attempt fails
    const job = recordingJob('reminders', '0 9 * * *');
    const config = testConfig({ CATCH_UP_HOURS: '1' });
    const here = runSlotsHere({ db, config, calendar: WEEKENDS_ONLY });
    /** When each attempt started, after the slot. */
    const tries: number[] = [];
    const scheduler = createScheduler({
      db,
      config,
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      runSlot: (j, slot, startedAt) => {
        tries.push(startedAt.getTime() - slot.getTime());
        return here(j, slot, startedAt);
      },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    release();
    // At the slot, then after 15 s, 30 s, 60 s, ... 5 min apart, while the slot is within the hour.
    const expected = [0];
    for (let n = 1; ; n += 1) {
      const next = (expected.at(-1) as number) + jobRetryDelayMs(n);
      if (next > 3_600_000) break;
      expected.push(next);
    }
    expect(tries.map((ms) => Math.round(ms / 1000))).toEqual(expected.map((ms) => Math.round(ms / 1000)));
    expect(job.runs).toEqual([]);
    expect(finishedRuns(db)).toEqual([]);
    await scheduler.stop();
  });

  it("stops retrying once the job's next slot falls due (it runs for itself)", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T00:59:58Z'));
    const { db, release } = busyDatabase();
    const job = recordingJob('followups', '*/15 * * * *');
    const config = testConfig({ CATCH_UP_HOURS: '24' });
    const here = runSlotsHere({ db, config, calendar: WEEKENDS_ONLY });
    const tried: string[] = [];
    const scheduler = createScheduler({
      db,
      config,
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [job],
      runSlot: (j, slot, startedAt) => {
        tried.push(slot.toISOString());
        return here(j, slot, startedAt);
      },
    });
    scheduler.start();
    // The catch-up's 08:45 at start, then 09:00 and its retries until 09:13:45.
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(new Set(tried)).toEqual(new Set(['2026-11-27T00:45:00.000Z', '2026-11-27T01:00:00.000Z']));
    release();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // The 09:00 slot's next retry (09:18:45) comes after 09:15, which ran: 09:00 is given up.
    expect(job.runs.map((d) => d.toISOString())).toEqual(['2026-11-27T01:15:00.000Z']);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(job.runs.map((d) => d.toISOString()).filter((iso) => iso < '2026-11-27T01:15')).toEqual([]);
    await scheduler.stop();
  });
});
