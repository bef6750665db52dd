// Housekeeping: old delivered history goes, everything still to be sent (and every key a later
// run still relies on) stays, the horizon is recorded, and the job is on the schedule.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { housekeepingJob } from '../../src/jobs/housekeeping.ts';
import { sweep } from '../../src/jobs/housekeepingSweep.ts';
import { ALL_JOBS } from '../../src/jobs/registry.ts';
import { runSlot } from '../../src/jobs/runSlot.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { PRUNED_BEFORE_KEY, prunedBefore } from '../../src/store/retention.ts';
import { testDb as fileDb, tempDir } from '../support/db.ts';
import { memoryDb, silentLog, testConfig } from '../support/jobs.ts';

afterEach(() => {
  vi.useRealTimers();
});

const DAY = 86_400_000;
const NOW = new Date('2026-12-03T19:30:00Z'); // 03:30 on 4 December in Shanghai
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

interface Row {
  key: string;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  createdDaysAgo: number;
  parentKey?: string;
}

function addRows(db: Db, rows: Row[]): void {
  const insert = db.$client.prepare(
    `insert into outbox (idempotency_key, kind, target, payload, parent_id, state, next_attempt_at, created_at, sent_at)
     values (?, ?, 'U1', '{"text":"x"}', (select id from outbox where idempotency_key = ?), ?, ?, ?, ?)`,
  );
  for (const row of rows) {
    const at = daysAgo(row.createdDaysAgo);
    insert.run(
      row.key,
      row.key.split(':')[0],
      row.parentKey ?? null,
      row.state,
      at,
      at,
      row.state === 'sent' ? at : null,
    );
  }
}

const outboxKeys = (db: Db) =>
  db.$client.prepare('select idempotency_key from outbox order by id').pluck().all() as string[];
const slotsKept = (db: Db) =>
  db.$client.prepare('select scheduled_for from job_runs order by id').pluck().all() as string[];

function addJobRuns(db: Db, daysBack: number[]): void {
  const insert = db.$client.prepare(
    `insert into job_runs (job, scheduled_for, started_at, finished_at, queued) values ('reminders', ?, ?, ?, 0)`,
  );
  for (const days of daysBack) insert.run(daysAgo(days), daysAgo(days), daysAgo(days));
}

async function runHousekeeping(db: Db, env: Record<string, string> = {}) {
  const ctx = { db, now: NOW, config: testConfig(env), calendar: WEEKENDS_ONLY };
  const outcome = runSlot(housekeepingJob, ctx, { startedAt: NOW });
  expect(outcome.status).toBe('ran');
  return housekeepingJob.afterCommit?.(ctx, new AbortController().signal);
}

describe('housekeeping prunes old history', () => {
  it('deletes old sent and failed rows and old job runs; keeps unsent, young and still-needed rows; records the horizon', async () => {
    const db = memoryDb();
    addRows(db, [
      { key: 'reminder:U1:items:2026-01-05', state: 'sent', createdDaysAgo: 330 },
      { key: 'digest:C1:parent:2026-W02', state: 'sent', createdDaysAgo: 329 },
      { key: 'reminder:U2:items:2026-01-06', state: 'failed', createdDaysAgo: 329 },
      { key: 'admin.alert:U9:outbox-3:attempt-5', state: 'sent', createdDaysAgo: 329 },
      // Never sent: kept whatever their age.
      { key: 'reminder:U3:items:2026-01-07', state: 'pending', createdDaysAgo: 328 },
      { key: 'reminder:U4:items:2026-01-07', state: 'sending', createdDaysAgo: 328 },
      // A sent parent whose thread reply is still waiting: the reply needs the parent's ts.
      { key: 'digest:C2:parent:2026-W03', state: 'sent', createdDaysAgo: 320 },
      {
        key: 'digest:C2:reply-01:2026-W03',
        state: 'pending',
        createdDaysAgo: 320,
        parentKey: 'digest:C2:parent:2026-W03',
      },
      // A follow-up prompt is keyed `once`: gone, the 15-minute job would prompt again.
      { key: 'followup.prompt_dm:U5:central-7:once', state: 'sent', createdDaysAgo: 300 },
      // Inside the week kept beyond the horizon (a digest key names a whole week), and young rows.
      { key: 'digest:C1:parent:2026-W23', state: 'sent', createdDaysAgo: 183 },
      { key: 'reminder:U1:items:2026-11-30', state: 'sent', createdDaysAgo: 4 },
    ]);
    addJobRuns(db, [400, 200, 181, 179, 1]);

    const report = await runHousekeeping(db);

    expect(outboxKeys(db)).toEqual([
      'reminder:U3:items:2026-01-07',
      'reminder:U4:items:2026-01-07',
      'digest:C2:parent:2026-W03',
      'digest:C2:reply-01:2026-W03',
      'followup.prompt_dm:U5:central-7:once',
      'digest:C1:parent:2026-W23',
      'reminder:U1:items:2026-11-30',
    ]);
    expect(slotsKept(db)).toEqual([daysAgo(179), daysAgo(1), NOW.toISOString()]);
    expect(prunedBefore(db)?.toISOString()).toBe(daysAgo(180));
    expect(report).toMatchObject({ outboxPruned: 4, jobRunsPruned: 3 });
  });

  it('follows RETENTION_DAYS and never moves the horizon back', async () => {
    const db = memoryDb();
    addRows(db, [
      { key: 'reminder:U1:items:2026-08-01', state: 'sent', createdDaysAgo: 50 },
      { key: 'reminder:U1:items:2026-10-01', state: 'sent', createdDaysAgo: 30 },
    ]);
    await runHousekeeping(db, { RETENTION_DAYS: '40' });
    expect(outboxKeys(db)).toEqual(['reminder:U1:items:2026-10-01']);
    expect(prunedBefore(db)?.toISOString()).toBe(daysAgo(40));
    db.$client.prepare('delete from job_runs').run();
    await runHousekeeping(db, { RETENTION_DAYS: '180' });
    expect(prunedBefore(db)?.toISOString()).toBe(daysAgo(40));
    expect(db.$client.prepare('select value from settings where key = ?').pluck().get(PRUNED_BEFORE_KEY)).toBe(
      daysAgo(40),
    );
  });

  it('refuses a retention shorter than 30 days (run --at and catch-up need the history)', () => {
    expect(() => testConfig({ RETENTION_DAYS: '7' })).toThrow(/RETENTION_DAYS/);
    expect(testConfig().RETENTION_DAYS).toBe(180);
  });

  it('prunes window by window and lets another connection write between windows', async () => {
    const path = join(tempDir(), 'windows.db');
    const db = fileDb(path);
    addRows(
      db,
      Array.from(
        { length: 40 },
        (_, i) =>
          ({
            key: `reminder:U${i}:items:2026-01-01`,
            state: i % 10 === 0 ? 'pending' : 'sent',
            createdDaysAgo: 300,
          }) as Row,
      ),
    );
    // Another process's connection that does not wait at all: it can only write when the sweep
    // holds no lock, i.e. between its windows.
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    const insertOther = other.prepare("insert into settings (key, value) values (?, 'x')");
    let pauses = 0;
    const report = await sweep(db, {
      outboxBefore: new Date(daysAgo(200)),
      jobRunsBefore: new Date(daysAgo(200)),
      signal: new AbortController().signal,
      windowIds: 4,
      pause: async () => {
        pauses += 1;
        insertOther.run(`between-${pauses}`);
      },
    });
    other.close();
    expect(report.outboxPruned).toBe(36);
    expect(outboxKeys(db)).toEqual([0, 10, 20, 30].map((i) => `reminder:U${i}:items:2026-01-01`));
    expect(pauses).toBeGreaterThanOrEqual(10);
  });

  it('gives the freed pages back to the disk on a new database (auto_vacuum incremental)', async () => {
    const path = join(tempDir(), 'vacuum.db');
    const db = fileDb(path);
    const big = JSON.stringify({ text: 'x'.repeat(20_000) });
    const insert = db.$client.prepare(
      `insert into outbox (idempotency_key, kind, target, payload, state, next_attempt_at, created_at) values (?, 'digest', 'C1', ?, 'sent', ?, ?)`,
    );
    for (let i = 0; i < 200; i++) insert.run(`digest:C1:reply-${i}:2026-W02`, big, daysAgo(300), daysAgo(300));
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const pagesBefore = db.$client.pragma('page_count', { simple: true }) as number;

    const report = await runHousekeeping(db);

    expect(report).toMatchObject({ outboxPruned: 200, freePages: 0 });
    expect(report?.pagesFreed).toBeGreaterThan(900);
    expect(db.$client.pragma('page_count', { simple: true })).toBeLessThan(pagesBefore - 900);
  });
});

describe('housekeeping is scheduled', () => {
  it('is declared with SCHEDULE_HOUSEKEEPING, daily at 03:30 by default', () => {
    expect(ALL_JOBS.map((job) => job.name)).toContain('housekeeping');
    expect(housekeepingJob.schedule(testConfig())).toBe('30 3 * * *');
    expect(housekeepingJob.schedule(testConfig({ SCHEDULE_HOUSEKEEPING: '0 2 * * 0' }))).toBe('0 2 * * 0');
  });

  it('fires at 03:30 in REFORM_TZ and prunes after recording the slot', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(NOW.getTime() - 2_000));
    const db = memoryDb();
    addRows(db, [
      { key: 'reminder:U1:items:2026-01-05', state: 'sent', createdDaysAgo: 330 },
      { key: 'reminder:U1:items:2026-11-30', state: 'sent', createdDaysAgo: 4 },
    ]);
    const scheduler = createScheduler({
      db,
      config: testConfig({ CATCH_UP_HOURS: '0' }),
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      jobs: [housekeepingJob],
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outboxKeys(db)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    await scheduler.stop(); // waits for the pruning started by the slot
    expect(slotsKept(db)).toEqual([NOW.toISOString()]);
    expect(outboxKeys(db)).toEqual(['reminder:U1:items:2026-11-30']);
  });
});
