// The dispatcher's options and reports (the dispatcher itself: dispatcher.ts).
import type { Sleep } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { PostMessage } from '../slackApi/slackPoster.ts';

export interface DispatcherOptions {
  db: Db;
  post: PostMessage;
  log: Logger;
  /** Language of admin alerts for admins whose Slack locale is not cached. */
  defaultLocale: Locale;
  now?: () => Date;
  sleep?: Sleep;
  /** [0, 1): jitter source. */
  random?: () => number;
  /** Minimum gap between two posts to the same channel (Slack: about 1 per second). */
  pacingMs?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A message still failing transiently this long after it was queued is failed (admins told)... */
  giveUpAfterMs?: number;
  /**
   * ...once it has been tried at least this many times: a message that waited out a long
   * downtime (a day old before its first try) is not failed on its first transient error.
   */
  giveUpMinAttempts?: number;
  /** A row `sending` for longer than this was interrupted by a crash (see recoverStale). */
  staleSendingMs?: number;
  /** Pause after Slack refused the token itself. */
  blockedPauseMs?: number;
  /** The bot's loop looks for new rows at least this often (other processes may queue). */
  pollMs?: number;
  batchSize?: number;
  /** How long recording `sent` waits out a busy database before it is retried at later passes. */
  recordBudgetMs?: number;
  /** How long the other writes (claim, retry, fail) wait out a busy database before the pass ends. */
  writeBudgetMs?: number;
  /** stop(): a post still in flight this long after stop() is abandoned; its row stays claimable. */
  abortPostAfterMs?: number;
  /** stop(): how long held `sent` records may still wait for the database. */
  stopFlushBudgetMs?: number;
  /** Health: every post's outcome (a message Slack refused as malformed is not a delivery failure). */
  onDelivery?: (outcome: HealthOutcome) => void;
  /** Health: every attempt to record `sent`. */
  onWrite?: (outcome: HealthOutcome) => void;
}

export type HealthOutcome = { ok: true } | { ok: false; reason: string };

export interface PassReport {
  sent: number;
  retried: number;
  failed: number;
  /** Rows found `sending` after a crash and queued again (possible duplicates). */
  recovered: number;
  /** Set when Slack refused the token: nothing more is tried until it is fixed. */
  blocked?: string;
}

export interface DrainReport extends PassReport {
  /** Rows still pending when the budget ran out (they stay queued). */
  pending: number;
  nextAttemptAt?: Date;
}

export interface Dispatcher {
  /** Sends everything due now (pacing within); one pass. */
  dispatchDue(): Promise<PassReport>;
  /** `reform-bot run`: passes, waiting out delays that fit in `budgetMs`, then returns. */
  drain(budgetMs: number): Promise<DrainReport>;
  /** The bot: loop until stop(). */
  start(): void;
  /** Wake the loop now (a job just queued something). */
  poke(): void;
  stop(): Promise<void>;
}
