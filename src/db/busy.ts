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
  /** First pause between attempts; doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Stops retrying early (shutdown). */
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * Runs `attempt` (a short synchronous write) until it does not fail with a busy database, waiting
 * between attempts on a timer so the event loop keeps serving requests. Other errors are thrown
 * at once; a database busy past the budget throws DatabaseBusyError.
 */
export async function retryWhileBusy<T>(attempt: () => T, options: RetryOptions): Promise<T> {
  const started = performance.now();
  let delay = options.firstDelayMs ?? 10;
  const maxDelay = options.maxDelayMs ?? 250;
  for (let attempts = 1; ; attempts += 1) {
    try {
      return attempt();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      const waited = performance.now() - started;
      if (waited + delay > options.budgetMs || options.signal?.aborted) {
        throw new DatabaseBusyError(Math.round(waited), attempts);
      }
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}

/** Sets how long one statement of this connection waits for the lock inside SQLite. */
export function setBusyTimeout(sqlite: { pragma(source: string): unknown }, ms: number): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
}
