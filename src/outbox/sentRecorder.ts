// Recording `sent` after Slack accepted a message: a DATABASE write, never a reason to post again.
//
// Once chat.postMessage answered ok the message is in Slack; whatever happens to our write after
// that is our failure, not Slack's. So the accepted channel and ts are kept in memory and the
// write is retried: first with retryWhileBusy (the bot's connection waits only 20 ms per attempt,
// a CLI import may hold the lock for seconds), then, past that budget or on any other database
// error (read-only file, full disk), at every later dispatcher pass. While a row is held here the
// dispatcher neither claims it nor puts it back as stale, so this process never re-posts it.
//
// The one remaining window for a duplicate: the process dies (or is stopped while the database
// still refuses the write) with a row held here; the row stays `sending` and is re-sent after it
// goes stale (see recoverStale), logged as a possible duplicate.
import { DatabaseBusyError, retryWhileBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { markSent } from '../store/outboxQueue.ts';

interface AcceptedSend {
  channel: string;
  ts: string;
  /** When Slack accepted it: recorded as sent_at, whenever the write finally succeeds. */
  at: Date;
}

export interface SentRecorderOptions {
  db: Db;
  log: Logger;
  /** How long one record waits out a busy database before it is left for a later pass. */
  busyBudgetMs: number;
  /** Told after every attempt to write, so health can see writes failing (and recovering). */
  onWrite?: (outcome: { ok: true } | { ok: false; reason: string }) => void;
}

export interface SentRecorder {
  /** Records the accepted send; false when it is held in memory for a later attempt. */
  record(id: number, sent: AcceptedSend, signal?: AbortSignal): Promise<boolean>;
  /** Tries every held record once more (each waiting out a busy database within the budget). */
  flush(signal?: AbortSignal): Promise<void>;
  /** Row ids Slack accepted whose `sent` is not written yet: never claim or recover these. */
  heldIds(): number[];
}

function describe(error: unknown): string {
  if (error instanceof DatabaseBusyError) return error.message;
  const e = error as { code?: string; message?: string };
  return `${e.code ?? 'error'}: ${e.message ?? String(error)}`.slice(0, 300);
}

export function createSentRecorder(options: SentRecorderOptions): SentRecorder {
  const { db, busyBudgetMs } = options;
  const log = options.log.child({ component: 'outbox' });
  const held = new Map<number, AcceptedSend>();

  async function attempt(id: number, sent: AcceptedSend, signal?: AbortSignal): Promise<boolean> {
    try {
      await retryWhileBusy(() => markSent(db, id, { channel: sent.channel, ts: sent.ts }, sent.at), {
        budgetMs: busyBudgetMs,
        ...(signal ? { signal } : {}),
      });
      options.onWrite?.({ ok: true });
      if (held.delete(id))
        log.info({ id, ts: sent.ts }, 'recorded a sent message after the database refused the write');
      return true;
    } catch (error) {
      const reason = describe(error);
      options.onWrite?.({ ok: false, reason });
      if (!held.has(id))
        log.error(
          { id, channel: sent.channel, ts: sent.ts, reason },
          'Slack accepted the message but recording it failed; kept in memory and retried (it is not posted again)',
        );
      held.set(id, sent);
      return false;
    }
  }

  return {
    record: (id, sent, signal) => attempt(id, sent, signal),
    async flush(signal) {
      for (const [id, sent] of [...held]) {
        if (!(await attempt(id, sent, signal))) return; // the database still refuses: the rest will too
      }
    },
    heldIds: () => [...held.keys()],
  };
}
