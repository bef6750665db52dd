// The one place that sends scheduled messages. It reads due outbox rows, claims each (state
// `sending`, `sending_since`) before calling chat.postMessage, and records the outcome:
// sent with its ts, retried later with backoff, or failed with the reason and the office admins
// told once (see adminAlert.ts). Every timing (clock, sleep, jitter) is injected, so tests run
// instantly and deterministically.
//
// Posting and recording are two separate steps: once Slack accepted a message, a failure to
// write `sent` is the database's, retried as a write and never as a re-send (sentRecorder.ts).
//
// Direct messages: a row's target may be a user id. We post with `channel: <user id>`, which
// Slack delivers to the person's DM with the app (one call instead of conversations.open + post);
// the D... channel id it answers with is recorded as sent_channel, so thread replies follow it.
import { realSleep, type Sleep } from '../clock.ts';
import { retryWhileBusy } from '../db/busy.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { classifySlackError, classifyUploadError, type Verdict } from '../slackApi/slackErrors.ts';
import type { PostMessage } from '../slackApi/slackPoster.ts';
import {
  claimRow,
  type DueRow,
  dueRows,
  failOrphans,
  markFailed,
  markRetry,
  nextDueAt,
  recoverStale,
} from '../store/outboxQueue.ts';
import { queueAdminAlerts } from './adminAlert.ts';
import type { Dispatcher, DispatcherOptions, DrainReport, PassReport } from './dispatcherTypes.ts';
import { createSentRecorder } from './sentRecorder.ts';

export type { Dispatcher, DispatcherOptions, DrainReport, HealthOutcome } from './dispatcherTypes.ts';
export type { Sleep };

const DAY_MS = 86_400_000;

/**
 * Every scheduled message carries its outbox idempotency key as message metadata, so a message
 * in Slack can be traced to its row: the chaos run counts deliveries per row with it, and a
 * crash-recovery check could look for it in the channel's history (with a history scope).
 */
export const OUTBOX_EVENT_TYPE = 'reform_bot_outbox';

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, post, defaultLocale } = options;
  const log = options.log.child({ component: 'outbox' });
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const pacingMs = options.pacingMs ?? 1000;
  const baseBackoffMs = options.baseBackoffMs ?? 2000;
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? DAY_MS;
  const giveUpMinAttempts = options.giveUpMinAttempts ?? 10;
  const staleSendingMs = options.staleSendingMs ?? 2 * 60_000;
  const blockedPauseMs = options.blockedPauseMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 5000;
  const batchSize = options.batchSize ?? 50;
  const writeBudgetMs = options.writeBudgetMs ?? 3000;
  const abortPostAfterMs = options.abortPostAfterMs ?? 5000;
  const stopFlushBudgetMs = options.stopFlushBudgetMs ?? 5000;
  const recorder = createSentRecorder({
    db,
    log: options.log,
    busyBudgetMs: options.recordBudgetMs ?? 15_000,
    ...(options.onWrite ? { onWrite: options.onWrite } : {}),
  });

  const lastPostAt = new Map<string, number>();
  /** No post before this instant (429 Retry-After, refused token). */
  let pausedUntil = 0;
  let stopping = false;
  /** Aborted by poke(): cuts the idle wait short. Never cuts pacing. */
  let wake = new AbortController();
  /** Aborted by stop(): cuts every wait short. */
  let halt = new AbortController();
  /** Aborted abortPostAfterMs after stop(): abandons a post Slack does not answer. */
  let abortPost = new AbortController();
  let loop: Promise<void> | undefined;

  /** Exponential backoff with jitter: half fixed, half random, so retries of many rows spread. */
  function backoff(attempts: number): number {
    const exp = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp / 2 + random() * (exp / 2));
  }

  async function pace(channel: string): Promise<void> {
    const last = lastPostAt.get(channel);
    if (last === undefined) return;
    const wait = last + pacingMs - now().getTime();
    if (wait > 0) await sleep(wait, halt.signal);
  }

  /** A short write from the bot's loop: a busy database is waited for off the event loop. */
  const write = <T>(work: () => T): Promise<T> =>
    retryWhileBusy(work, { budgetMs: writeBudgetMs, signal: halt.signal });

  function fail(row: DueRow, attempts: number, reason: string, channel: string, gaveUp = false): void {
    const alerts = writeTransaction(db, () => {
      const replies = markFailed(db, row.id, reason);
      const queued = queueAdminAlerts(
        db,
        { row: { ...row, attempts }, reason, replies: replies.length, gaveUp, channel },
        defaultLocale,
        now(),
      );
      return { replies: replies.length, queued };
    });
    const fields = {
      id: row.id,
      kind: row.kind,
      target: row.target,
      channel,
      reason,
      replies: alerts.replies,
      adminsTold: alerts.queued,
    };
    log.error(fields, 'scheduled message failed');
    if (alerts.queued === 0 && row.kind !== 'admin.alert')
      log.warn(fields, 'no office admin to tell about the failure (import the org file with admins)');
  }

  async function settle(
    row: DueRow,
    attempts: number,
    channel: string,
    verdict: Verdict,
    report: PassReport,
  ): Promise<void> {
    const at = now();
    if (verdict.kind === 'retry' || verdict.kind === 'blocked')
      options.onDelivery?.({ ok: false, reason: verdict.reason });
    switch (verdict.kind) {
      case 'ratelimit':
        pausedUntil = Math.max(pausedUntil, at.getTime() + verdict.retryAfterMs);
        await write(() => markRetry(db, row.id, new Date(at.getTime() + verdict.retryAfterMs), verdict.reason));
        report.retried += 1;
        log.warn({ id: row.id, channel, retryAfterMs: verdict.retryAfterMs }, 'rate limited by Slack; pausing');
        return;
      case 'blocked':
        pausedUntil = Math.max(pausedUntil, at.getTime() + blockedPauseMs);
        await write(() => markRetry(db, row.id, new Date(at.getTime() + blockedPauseMs), verdict.reason));
        report.blocked = verdict.reason;
        log.error(
          { id: row.id, reason: verdict.reason },
          'Slack refused the bot token; messages stay queued until it is fixed',
        );
        return;
      case 'retry': {
        if (attempts >= giveUpMinAttempts && at.getTime() - Date.parse(row.createdAt) >= giveUpAfterMs) {
          await write(() =>
            fail(row, attempts, `gave up after ${attempts} attempts: ${verdict.reason}`, channel, true),
          );
          report.failed += 1;
          return;
        }
        const delay = backoff(attempts);
        await write(() => markRetry(db, row.id, new Date(at.getTime() + delay), verdict.reason));
        report.retried += 1;
        log.warn(
          { id: row.id, channel, reason: verdict.reason, attempts, retryInMs: delay },
          'send failed; will retry',
        );
        return;
      }
      case 'permanent':
        await write(() => fail(row, attempts, verdict.reason, channel));
        report.failed += 1;
    }
  }

  async function sendOne(row: DueRow, report: PassReport): Promise<void> {
    const channel = row.parent?.channel ?? row.target;
    await pace(channel);
    if (stopping || recorder.heldIds().includes(row.id)) return;
    if (!(await write(() => claimRow(db, row.id, now())))) return; // another dispatcher took it
    const attempts = row.attempts + 1;
    const file = row.payload.file;
    let sent: Awaited<ReturnType<PostMessage>>;
    try {
      sent = await post({
        channel,
        text: row.payload.text,
        ...(row.payload.blocks ? { blocks: row.payload.blocks } : {}),
        ...(file ? { file: { ...file, bytes: Buffer.from(file.base64, 'base64') } } : {}),
        ...(row.parent ? { thread_ts: row.parent.ts } : {}),
        metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: row.idempotencyKey } },
        signal: abortPost.signal,
      });
    } catch (error) {
      lastPostAt.set(channel, now().getTime());
      if (abortPost.signal.aborted) return putBackAbandoned(row);
      const verdict = file ? classifyUploadError(error) : classifySlackError(error);
      return settle(row, attempts, channel, verdict, report);
    }
    lastPostAt.set(channel, now().getTime());
    report.sent += 1;
    options.onDelivery?.({ ok: true });
    // The message is in Slack now. Whatever the database does, this process never posts it again.
    await recorder.record(row.id, { channel: sent.channel ?? channel, ts: sent.ts, at: now() }, halt.signal);
  }

  /**
   * Shutdown abandoned the call. Slack may or may not have posted it (we cannot look), so the row
   * is made claimable again: a possible duplicate is preferred to a lost reminder, as after a crash.
   */
  async function putBackAbandoned(row: DueRow): Promise<void> {
    log.warn(
      { id: row.id, kind: row.kind },
      'shutdown abandoned a post Slack had not answered; the message stays queued (may arrive twice)',
    );
    try {
      await retryWhileBusy(
        () => markRetry(db, row.id, now(), 'interrupted by shutdown while sending (re-sent; may be a duplicate)'),
        { budgetMs: writeBudgetMs },
      );
    } catch (error) {
      // Left `sending`: the next start puts it back once stale (recoverStale).
      log.warn({ id: row.id, err: error }, 'could not put the abandoned message back; the next start will');
    }
  }

  async function dispatchDue(): Promise<PassReport> {
    const report: PassReport = { sent: 0, retried: 0, failed: 0, recovered: 0 };
    // First the messages Slack accepted earlier whose `sent` the database refused.
    await recorder.flush(halt.signal);
    const held = recorder.heldIds();
    report.recovered = await write(() => recoverStale(db, new Date(now().getTime() - staleSendingMs), held));
    if (report.recovered > 0)
      log.warn(
        { rows: report.recovered },
        'messages interrupted mid-send by a crash were queued again (each may arrive twice)',
      );
    const orphans = await write(() => failOrphans(db));
    if (orphans > 0) log.error({ rows: orphans }, 'thread replies failed because their parent message failed');
    while (!stopping && now().getTime() >= pausedUntil) {
      const rows = dueRows(db, now(), batchSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (stopping || now().getTime() < pausedUntil) break;
        await sendOne(row, report);
      }
    }
    return report;
  }

  /** How long the loop may sleep: until the next due row or the end of a pause, at most `cap`. */
  function idleMs(cap: number): number {
    const next = nextDueAt(db)?.getTime() ?? Number.POSITIVE_INFINITY;
    const at = Math.max(next, pausedUntil);
    return Math.max(0, Math.min(cap, at - now().getTime()));
  }

  return {
    dispatchDue,
    async drain(budgetMs) {
      const deadline = now().getTime() + budgetMs;
      const total: DrainReport = { sent: 0, retried: 0, failed: 0, recovered: 0, pending: 0 };
      for (;;) {
        const pass = await dispatchDue();
        total.sent += pass.sent;
        total.retried += pass.retried;
        total.failed += pass.failed;
        total.recovered += pass.recovered;
        if (pass.blocked) total.blocked = pass.blocked;
        const next = nextDueAt(db);
        // A `sent` still unrecorded is written at the next pass: keep passing while the budget lasts.
        const held = recorder.heldIds().length > 0;
        if ((!next && !held) || pass.blocked || stopping) break;
        const at = Math.min(
          next ? Math.max(next.getTime(), pausedUntil) : Number.POSITIVE_INFINITY,
          held ? now().getTime() + pollMs : Number.POSITIVE_INFINITY,
        );
        if (at > deadline) break;
        await sleep(Math.max(0, at - now().getTime()));
      }
      const next = nextDueAt(db);
      total.pending = db.$client
        .prepare(`select count(*) as n from outbox where state in ('pending', 'sending')`)
        .pluck()
        .get() as number;
      if (next) total.nextAttemptAt = next;
      return total;
    },
    start() {
      if (loop) return;
      stopping = false;
      halt = new AbortController();
      abortPost = new AbortController();
      loop = (async () => {
        while (!stopping) {
          try {
            await dispatchDue();
          } catch (error) {
            log.error({ err: error }, 'dispatch pass failed');
          }
          if (stopping) break;
          const signal = AbortSignal.any([wake.signal, halt.signal]);
          const woken = wake.signal;
          await sleep(idleMs(pollMs), signal);
          if (woken.aborted) wake = new AbortController();
        }
      })();
    },
    poke() {
      wake.abort();
    },
    async stop() {
      stopping = true;
      halt.abort();
      wake.abort();
      // A post in flight gets a few seconds to be answered (and recorded), then is abandoned.
      const abandon = setTimeout(() => abortPost.abort(), abortPostAfterMs);
      await loop;
      clearTimeout(abandon);
      loop = undefined;
      if (recorder.heldIds().length > 0) await recorder.flush(AbortSignal.timeout(stopFlushBudgetMs));
      const unrecorded = recorder.heldIds();
      if (unrecorded.length > 0)
        log.error(
          { ids: unrecorded },
          'stopped with messages Slack accepted but the database did not record; the next start sends them again (possible duplicates)',
        );
    },
  };
}
