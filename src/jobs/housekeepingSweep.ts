// The housekeeping job's long part, run after its slot committed: prune the outbox and job_runs
// window by window, then give the freed pages back to the file system with incremental_vacuum.
// Every step is its own short write (one window, or a bounded number of pages), retried off the
// event loop while the database is busy (src/db/busy.ts), with a pause between steps so the
// bot's acknowledgements and writes go first. Nothing here holds the write lock for long.

import { retryWhileBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { type PruneWindow, pruneJobRunsWindow, pruneOutboxWindow } from '../store/retention.ts';

/**
 * Ids per window. Measured (bench/housekeeping.ts, 2 shared cores at load 13): 500 ids took 21 ms
 * at the median and up to 121 ms with 60 KB digest rows among them; 200 ids at most 90 ms.
 */
const PRUNE_WINDOW_IDS = 200;
/** Pages per incremental_vacuum step (4 KiB pages: 1 MiB; measured at most 65 ms, as above). */
const VACUUM_PAGES_PER_STEP = 250;
/**
 * How long one step may wait for the write lock before the sweep gives up for today (the next
 * day's run continues where this one stopped). A CLI command holds the lock for seconds at most
 * (CLI_WRITE_LOCK_BUDGET_MS), so this outlasts several in a row.
 */
const SWEEP_STEP_BUDGET_MS = 120_000;

export interface SweepOptions {
  /** Outbox rows created before this instant are pruned (sent/failed only). */
  outboxBefore: Date;
  /** Job runs scheduled before this instant are pruned. */
  jobRunsBefore: Date;
  signal: AbortSignal;
  windowIds?: number;
  vacuumPages?: number;
  /** Between steps; default: one turn of the event loop. */
  pause?: () => Promise<void>;
}

export interface SweepReport {
  outboxPruned: number;
  jobRunsPruned: number;
  /** Pages incremental_vacuum returned to the file system. */
  pagesFreed: number;
  /** Free pages left in the file (stay there when auto_vacuum is not INCREMENTAL: see README). */
  freePages: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function sweep(db: Db, options: SweepOptions): Promise<SweepReport> {
  const pause = options.pause ?? nextTurn;
  const windowIds = options.windowIds ?? PRUNE_WINDOW_IDS;
  const step = <T>(write: () => T) => retryWhileBusy(write, { budgetMs: SWEEP_STEP_BUDGET_MS, signal: options.signal });

  async function walk(pruneOne: (fromId: number) => PruneWindow): Promise<number> {
    let total = 0;
    let fromId: number | undefined = 0;
    while (fromId !== undefined && !options.signal.aborted) {
      const start: number = fromId;
      const window = await step(() => writeTransaction(db, () => pruneOne(start)));
      total += window.deleted;
      fromId = window.nextId;
      await pause();
    }
    return total;
  }

  const outboxPruned = await walk((fromId) => pruneOutboxWindow(db, fromId, windowIds, options.outboxBefore));
  const jobRunsPruned = await walk((fromId) => pruneJobRunsWindow(db, fromId, windowIds, options.jobRunsBefore));
  const pagesFreed = await vacuumIncrementally(
    db,
    options.vacuumPages ?? VACUUM_PAGES_PER_STEP,
    step,
    pause,
    options.signal,
  );
  return { outboxPruned, jobRunsPruned, pagesFreed, freePages: freelistCount(db) };
}

const freelistCount = (db: Db) => db.$client.pragma('freelist_count', { simple: true }) as number;

/** auto_vacuum = INCREMENTAL is 2; only then does incremental_vacuum shrink the file. */
function hasIncrementalVacuum(db: Db): boolean {
  return db.$client.pragma('auto_vacuum', { simple: true }) === 2;
}

async function vacuumIncrementally(
  db: Db,
  pages: number,
  step: <T>(write: () => T) => Promise<T>,
  pause: () => Promise<void>,
  signal: AbortSignal,
): Promise<number> {
  if (!hasIncrementalVacuum(db)) return 0;
  let freed = 0;
  for (let free = freelistCount(db); free > 0 && !signal.aborted; ) {
    await step(() => db.$client.pragma(`incremental_vacuum(${Math.floor(pages)})`));
    const left = freelistCount(db);
    if (left >= free) break; // no progress: stop rather than spin
    freed += free - left;
    free = left;
    await pause();
  }
  return freed;
}
