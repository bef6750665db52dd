// `stop` (SIGTERM) within one budget, SHUTDOWN_BUDGET_MS (20 s by default: systemd's stop timeout
// in the README is 30 s). The parts that do not depend on each other run in parallel:
//
//   requests   stop accepting, let acknowledged work (and the writes it does) finish, then the
//              read workers; bounded by the budget minus a reserve for closing
//   scheduled  cron tasks end; the dispatcher abandons a post Slack has not answered after 5 s
//              (the row stays claimable) and writes what Slack accepted
//
// and only then is the database closed, whatever is still running once the budget is spent.
import type { Logger } from './log.ts';

/** Kept back from the budget for closing the database and logging after the parts. */
const SHUTDOWN_CLOSE_RESERVE_MS = 1_000;

export interface ShutdownParts {
  /** Stops taking requests and waits for acknowledged work, at most `graceMs`. */
  requests(graceMs: number): Promise<void>;
  /** Stops the jobs and the dispatcher (its own bounds are well inside the budget). */
  scheduled(): Promise<void>;
  /** Last, once the others finished or the budget ran out. */
  close(): void | Promise<void>;
}

/** Resolves 'done' when `work` settled, 'timeout' after `ms`, whichever comes first. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  try {
    return await Promise.race([
      work.then(
        () => 'done' as const,
        () => 'done' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function shutDownWithin(budgetMs: number, parts: ShutdownParts, log: Logger): Promise<void> {
  const workMs = Math.max(0, budgetMs - SHUTDOWN_CLOSE_RESERVE_MS);
  const requests = parts
    .requests(workMs)
    .catch((error: unknown) => log.error({ err: error }, 'shutdown: stopping requests failed'));
  const scheduled = parts
    .scheduled()
    .catch((error: unknown) => log.error({ err: error }, 'shutdown: stopping scheduled work failed'));
  const outcome = await settleWithin(Promise.all([requests, scheduled]), workMs);
  if (outcome === 'timeout')
    log.warn({ budgetMs }, 'shutdown: budget spent; closing the database with work still running');
  await parts.close();
}
