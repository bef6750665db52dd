// When a job slot failed (most often a database another process held past the job's wait, e.g.
// a CLI import), the scheduler tries it again within minutes instead of only at the next start:
// that day's reminders or digest are otherwise lost. Pure rules; the scheduler owns the timers.

/** The first retry comes this soon: a CLI command's write lock lasts seconds, not minutes. */
export const FIRST_JOB_RETRY_MS = 15_000;
/** Retries never wait longer than this apart, so a slot runs at most minutes after the lock goes. */
export const MAX_JOB_RETRY_MS = 5 * 60_000;

/** The wait before retry number `attempt` (1 = the first retry): 15 s, 30 s, 60 s, ... capped at 5 min. */
export function jobRetryDelayMs(attempt: number): number {
  const doublings = Math.max(0, Math.floor(attempt) - 1);
  // 2^5 already passes the cap; a larger exponent only risks Infinity.
  return Math.min(MAX_JOB_RETRY_MS, FIRST_JOB_RETRY_MS * 2 ** Math.min(doublings, 10));
}

export type RetryVerdict = 'retry' | 'tooOld' | 'superseded';

/**
 * Whether a failed slot is still worth running at `now`. Too old: past the catch-up window
 * (CATCH_UP_HOURS), as a slot missed while the bot was down would be. Superseded: the job's next
 * slot has fallen due, and runs for itself (a reminder for an earlier period is no longer news:
 * the same rule as the catch-up, which runs only the latest missed slot).
 */
export function slotRetryVerdict(input: {
  slot: Date;
  now: Date;
  catchUpHours: number;
  laterSlotDue: boolean;
}): RetryVerdict {
  if (input.now.getTime() - input.slot.getTime() > input.catchUpHours * 3_600_000) return 'tooOld';
  if (input.laterSlotDue) return 'superseded';
  return 'retry';
}
