// The chaos driver's look into the bot's database, through its own short-lived connection (the bot
// may be running; WAL lets both read and write). Opening it right after a SIGKILL also recovers
// the write-ahead log, as the next bot start would.
import Database from 'better-sqlite3';

interface OutboxFact {
  id: number;
  key: string;
  kind: string;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  parentKey: string | null;
  sentTs: string | null;
}

interface JobRunFact {
  job: string;
  scheduledFor: string;
  finished: boolean;
  queued: number | null;
}

function withDb<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

/** Keys of rows the bot claimed but did not record: after a kill, the ones that may be doubled. */
export function sendingKeys(path: string): string[] {
  return withDb(
    path,
    (db) =>
      db.prepare(`select idempotency_key from outbox where state = 'sending' order by id`).pluck().all() as string[],
  );
}

/** Messages not yet delivered or failed. */
export function backlog(path: string): number {
  return withDb(
    path,
    (db) => db.prepare(`select count(*) from outbox where state in ('pending', 'sending')`).pluck().get() as number,
  );
}

export interface FinalFacts {
  outbox: OutboxFact[];
  jobRuns: JobRunFact[];
  integrity: string;
  foreignKeyProblems: number;
}

export function finalFacts(path: string): FinalFacts {
  return withDb(path, (db) => ({
    outbox: db
      .prepare(
        `select o.id, o.idempotency_key as key, o.kind, o.state, o.attempts, o.last_error as lastError,
                p.idempotency_key as parentKey, o.sent_ts as sentTs
           from outbox o left join outbox p on p.id = o.parent_id order by o.id`,
      )
      .all() as OutboxFact[],
    jobRuns: (
      db
        .prepare(
          `select job, scheduled_for as scheduledFor, finished_at is not null as finished, queued from job_runs order by scheduled_for`,
        )
        .all() as (Omit<JobRunFact, 'finished'> & { finished: number })[]
    ).map((r) => ({ ...r, finished: r.finished === 1 })),
    integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '),
    foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length,
  }));
}
