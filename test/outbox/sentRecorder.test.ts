// Issue 10 point 3: once Slack accepted a message, failing to record `sent` is the database's
// failure, retried as a write, never a reason to post the message again.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_BUSY_TIMEOUT_MS, setBusyTimeout } from '../../src/db/busy.ts';
import { outbox } from '../../src/db/schema.ts';
import type { HealthOutcome } from '../../src/outbox/dispatcher.ts';
import type { PostMessage } from '../../src/slackApi/slackPoster.ts';
import { type TempDb, tempDb } from '../support/db.ts';
import { FakeClock, type Posted, queue, recordingPoster, testDispatcher } from '../support/dispatcherKit.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { defaultResponders } from '../support/standInResponses.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

let temp: TempDb;
/** Another process's connection (a CLI import): it takes the write lock while Slack answers. */
let other: Database.Database;
let clock: FakeClock;
let calls: Posted[];
let post: PostMessage;
beforeEach(() => {
  standIn.reset();
  temp = tempDb();
  // The bot's connection waits only a moment inside SQLite (src/db/busy.ts).
  setBusyTimeout(temp.db.$client, BOT_BUSY_TIMEOUT_MS);
  other = new Database(temp.path);
  clock = new FakeClock();
  ({ post, calls } = recordingPoster(standIn, clock, []));
});
afterEach(() => {
  if (other.inTransaction) other.exec('rollback');
  other.close();
  temp.cleanup();
});

const onlyRow = () => temp.db.select().from(outbox).all()[0];
const THREE_MINUTES = 3 * 60_000;

/** Slack accepts the post; just before the answer leaves, the other connection takes the lock. */
function lockWhenSlackAnswers(releaseAfterMs?: number): void {
  standIn.on('chat.postMessage', (args, world) => {
    other.exec('begin immediate');
    if (releaseAfterMs !== undefined) setTimeout(() => other.exec('commit'), releaseAfterMs);
    return (defaultResponders['chat.postMessage'] as NonNullable<(typeof defaultResponders)[string]>)(args, world);
  });
}

describe('recording sent on a busy database', () => {
  it('waits out a lock held for a moment and records the one post', async () => {
    lockWhenSlackAnswers(300);
    queue(temp.db, clock, 'k', 'C1', 'hello');
    const report = await testDispatcher(temp.db, post, clock).drain(60_000);
    expect(report).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(calls).toHaveLength(1);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(onlyRow()).toMatchObject({ state: 'sent', sentChannel: 'C1', attempts: 1 });
    expect(onlyRow()?.sentTs).toMatch(/^\d+\.\d+$/);
  });

  it('keeps the accepted ts past its budget, never re-posts (not even once stale), and records it later', async () => {
    lockWhenSlackAnswers();
    queue(temp.db, clock, 'k', 'C1', 'hello');
    const writes: HealthOutcome[] = [];
    const dispatcher = testDispatcher(temp.db, post, clock, {
      recordBudgetMs: 100,
      writeBudgetMs: 100,
      onWrite: (o) => writes.push(o),
    });
    const first = await dispatcher.dispatchDue();
    expect(first.sent).toBe(1);
    // Not recorded yet: still `sending`, not retried and not failed.
    expect(onlyRow()).toMatchObject({ state: 'sending', sentTs: null });
    expect(writes).toEqual([{ ok: false, reason: expect.stringMatching(/database busy/) }]);
    other.exec('commit');
    // Well past the point where a row left `sending` counts as interrupted by a crash.
    clock.ms += THREE_MINUTES;
    const second = await dispatcher.dispatchDue();
    expect(second).toMatchObject({ sent: 0, recovered: 0 });
    expect(calls).toHaveLength(1);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(onlyRow()).toMatchObject({ state: 'sent', sentChannel: 'C1', attempts: 1 });
    expect(writes.at(-1)).toEqual({ ok: true });
  });

  it('treats any database error on recording (not only busy) as its own, and posts once', async () => {
    // A write refused for another reason than a lock (read-only file, full disk): a trigger stands in.
    temp.db.$client.exec(`create trigger refuse_sent before update of state on outbox when new.state = 'sent'
      begin select raise(abort, 'disk I/O error (simulated)'); end;`);
    queue(temp.db, clock, 'k', 'C1', 'hello');
    const dispatcher = testDispatcher(temp.db, post, clock);
    await dispatcher.dispatchDue();
    expect(onlyRow()).toMatchObject({ state: 'sending', lastError: null });
    clock.ms += THREE_MINUTES;
    await dispatcher.dispatchDue();
    expect(calls).toHaveLength(1);
    temp.db.$client.exec('drop trigger refuse_sent');
    await dispatcher.drain(60_000);
    expect(calls).toHaveLength(1);
    expect(onlyRow()).toMatchObject({ state: 'sent', attempts: 1 });
  });
});
