// The contention run's look into the bot's database, through its own short-lived connection.
import Database from 'better-sqlite3';
import type { JobRunFact } from './analyse.ts';

function withDb<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

/** Outbox messages not yet sent or failed. */
export function outboxBacklog(path: string): number {
  return withDb(
    path,
    (db) => db.prepare(`select count(*) from outbox where state in ('pending', 'sending')`).pluck().get() as number,
  );
}

export function finalDbFacts(path: string): { appliedKeys: Set<string>; jobRuns: JobRunFact[] } {
  return withDb(path, (db) => ({
    appliedKeys: new Set(
      db.prepare('select request_key from item_history where request_key is not null').pluck().all() as string[],
    ),
    jobRuns: (
      db
        .prepare('select job, scheduled_for as scheduledFor, finished_at is not null as finished from job_runs')
        .all() as { job: string; scheduledFor: string; finished: number }[]
    ).map((r) => ({
      ...r,
      finished: r.finished === 1,
    })),
  }));
}
