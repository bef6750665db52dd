// How the bot and the office's commands share one SQLite file (see README "The bot and the
// office's commands side by side").
//
// SQLite lets one connection write at a time. better-sqlite3 waits for the lock synchronously:
// with a long busy_timeout the bot's event loop would freeze for as long as a CLI import holds
// the lock, and no click could be acknowledged meanwhile. So the bot's connection waits only a
// moment (BOT_BUSY_TIMEOUT_MS) and a write that still finds the file busy is retried from a
// timer (`retryWhileBusy`), which leaves the event loop free between attempts. CLI commands have
// nothing to acknowledge and wait in SQLite itself (CLI_BUSY_TIMEOUT_MS).

/** The bot's busy_timeout: the longest a single attempt may block the event loop. */
export const BOT_BUSY_TIMEOUT_MS = 20;
/** The bot's WAL checkpoint threshold (pages of 4 KiB); SQLite's default is 1,000. */
export const BOT_WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** A CLI command's busy_timeout: it may wait for the bot's short writes (and another command). */
export const CLI_BUSY_TIMEOUT_MS = 60_000;
/**
 * The longest a CLI command may hold the write lock in one transaction. The import prepares and
 * validates outside its write transaction so that 250,000 new items stay within this; the bot's
 * queued changes (src/spool) and job retries are sized to outlast it.
 */
export const CLI_WRITE_LOCK_BUDGET_MS = 5_000;

/** SQLITE_BUSY and SQLITE_LOCKED (and their extended codes) mean "try again later", not "broken". */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Thrown by `retryWhileBusy` when the database stayed busy for the whole budget. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly waitedMs: number,
    readonly attempts: number,
  ) {
    super(`database busy for ${waitedMs} ms (${attempts} attempts)`);
    this.name = 'DatabaseBusyError';
  }
}

export interface RetryOptions {
  /** Give up after this long (measured on the monotonic clock). */
  budgetMs: number;
  /** Stops retrying early (shutdown). */
  signal?: AbortSignal;
}

/** First pause after the database was found busy; doubles up to MAX_DELAY_MS while it stays busy. */
const FIRST_DELAY_MS = 10;
const MAX_DELAY_MS = 250;

interface Waiter {
  attempt: () => unknown;
  deadline: number;
  started: number;
  attempts: number;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writers waiting for the lock, in order. While the database is busy only the first of them
 * probes it, once per pause: every probe blocks the event loop for up to BOT_BUSY_TIMEOUT_MS, and
 * when each waiter probed on its own timer, twenty clicks waiting for a job's write made the loop
 * stall for 20 ms times twenty (228 ms in the contention run). Once a probe gets through, the
 * others follow one per turn of the loop.
 */
const waiting: Waiter[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let delay = FIRST_DELAY_MS;

function schedule(ms: number): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    probe();
  }, ms);
}

function expire(now: number): void {
  for (let i = waiting.length - 1; i >= 0; i -= 1) {
    const w = waiting[i] as Waiter;
    if (now < w.deadline && !w.signal?.aborted) continue;
    waiting.splice(i, 1);
    w.reject(new DatabaseBusyError(Math.round(now - w.started), w.attempts));
  }
}

function probe(): void {
  expire(performance.now());
  const head = waiting[0];
  if (!head) {
    delay = FIRST_DELAY_MS;
    return;
  }
  head.attempts += 1;
  try {
    const value = head.attempt();
    waiting.shift();
    head.resolve(value);
    // Free now, most likely: the next one in the next turn, so requests waiting are read first.
    delay = FIRST_DELAY_MS;
    if (waiting.length > 0) setImmediate(probe);
  } catch (error) {
    if (!isDatabaseBusy(error)) {
      waiting.shift();
      head.reject(error);
      if (waiting.length > 0) setImmediate(probe);
      return;
    }
    schedule(delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/**
 * Runs `attempt` (a short synchronous write) until it does not fail with a busy database, waiting
 * between attempts on a timer so the event loop keeps serving requests. Other errors are thrown
 * at once; a database busy past the budget throws DatabaseBusyError.
 */
export async function retryWhileBusy<T>(attempt: () => T, options: RetryOptions): Promise<T> {
  const started = performance.now();
  // Behind others already waiting: the database is known busy, and order is kept.
  if (waiting.length === 0) {
    try {
      return attempt();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
  }
  return new Promise<T>((resolve, reject) => {
    waiting.push({
      attempt,
      deadline: started + options.budgetMs,
      started,
      attempts: 1,
      signal: options.signal,
      resolve: resolve as (value: unknown) => void,
      reject,
    });
    schedule(delay);
  });
}

/** Sets how long one statement of this connection waits for the lock inside SQLite. */
export function setBusyTimeout(sqlite: { pragma(source: string): unknown }, ms: number): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
}
