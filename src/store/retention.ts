// Pruning the outbox and job history (the housekeeping job, src/jobs/housekeeping.ts), one id
// window at a time: the caller wraps each window in its own short write transaction so the bot's
// other writes interleave between windows. Windows walk the primary key (a range read, never a
// scan of the table), from the oldest row up, and stop at the first window with nothing old in
// it: ids grow with time, so what lies beyond is young.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/**
 * The settings key holding the instant before which history may have been pruned. `run --at`
 * refuses an instant before it: the outbox rows whose keys stop a re-send could be gone.
 */
export const PRUNED_BEFORE_KEY = 'outbox_pruned_before';

export function prunedBefore(db: Db): Date | undefined {
  const value = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, PRUNED_BEFORE_KEY))
    .get()?.value;
  return value ? new Date(value) : undefined;
}

/**
 * Moves the horizon forward to `horizon` (never back: rows pruned under a longer retention stay
 * pruned if RETENTION_DAYS grows). Returns the horizon in force.
 */
export function advancePrunedBefore(db: Db, horizon: Date): Date {
  const current = prunedBefore(db);
  if (current && current >= horizon) return current;
  db.insert(settings)
    .values({ key: PRUNED_BEFORE_KEY, value: horizon.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: horizon.toISOString() } })
    .run();
  return horizon;
}

export interface PruneWindow {
  /** Rows deleted in this window. */
  deleted: number;
  /** Where the next window starts; undefined when the walk is over. */
  nextId: number | undefined;
}

/**
 * Outbox rows a re-run could never queue again once the horizon refuses their instant: rows whose
 * key's period is a day (`2026-11-27`) or an ISO week (`2026-W48`), and admin alerts (keyed by
 * an outbox id, never reused). Rows keyed `once` (follow-up prompts of a central plan) or by a
 * round id stay: the every-15-minutes follow-ups job would prompt again a plan still unanswered
 * after the retention if its prompt row were gone.
 */
const PRUNABLE_KEY = `(
     idempotency_key glob '*:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  or idempotency_key glob '*:[0-9][0-9][0-9][0-9]-W[0-9][0-9]'
  or idempotency_key glob 'admin.alert:*:outbox-[0-9]*:attempt-[0-9]*')`;

/**
 * One window of the outbox: deletes delivered (`sent`) and given-up (`failed`) rows created before
 * `before`. Never a `pending` or `sending` row, nor the parent of one (a thread reply still needs
 * its parent's ts).
 */
export function pruneOutboxWindow(db: Db, fromId: number, size: number, before: Date): PruneWindow {
  return pruneWindow(db, {
    table: 'outbox',
    age: 'created_at',
    deletable: `state in ('sent', 'failed') and ${PRUNABLE_KEY}
      and id not in (select parent_id from outbox where state in ('pending', 'sending') and parent_id is not null)`,
    fromId,
    size,
    before,
  });
}

/** One window of job_runs: slots scheduled before `before` (catch-up looks back days, not months). */
export function pruneJobRunsWindow(db: Db, fromId: number, size: number, before: Date): PruneWindow {
  return pruneWindow(db, { table: 'job_runs', age: 'scheduled_for', deletable: '1 = 1', fromId, size, before });
}

interface WindowSpec {
  table: 'outbox' | 'job_runs';
  /** The ISO instant column that says how old a row is. */
  age: string;
  /** Further SQL condition a row must meet to be deleted. */
  deletable: string;
  fromId: number;
  size: number;
  before: Date;
}

function pruneWindow(db: Db, spec: WindowSpec): PruneWindow {
  const sqlite = db.$client;
  const start = sqlite.prepare(`select min(id) from ${spec.table} where id >= ?`).pluck().get(spec.fromId) as
    | number
    | null;
  if (start === null) return { deleted: 0, nextId: undefined };
  const end = start + spec.size;
  const before = spec.before.toISOString();
  const old = sqlite
    .prepare(`select count(*) from ${spec.table} where id >= ? and id < ? and ${spec.age} < ?`)
    .pluck()
    .get(start, end, before) as number;
  if (old === 0) return { deleted: 0, nextId: undefined };
  const deleted = sqlite
    .prepare(`delete from ${spec.table} where id >= ? and id < ? and ${spec.age} < ? and ${spec.deletable}`)
    .run(start, end, before).changes;
  return { deleted, nextId: end };
}
