import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import type { PostMessage } from '../../src/slackApi/slackPoster.ts';
import { countByState, requeueFailed } from '../../src/store/outboxQueue.ts';
import {
  addAdmins,
  deliveredTexts,
  FakeClock,
  type Posted,
  queue,
  recordingPoster,
  testDispatcher,
} from '../support/dispatcherKit.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

let db: Db;
let clock: FakeClock;
let calls: Posted[];
let post: PostMessage;
beforeEach(() => {
  standIn.reset();
  db = openDatabase(':memory:');
  clock = new FakeClock();
  ({ post, calls } = recordingPoster(standIn, clock, []));
});
afterEach(() => closeDatabase(db));

const rows = () => db.select().from(outbox).all();
const row = (key: string) => rows().find((r) => r.idempotencyKey === key);

describe('sending', () => {
  it('posts channel messages, direct messages and thread replies, recording channel and ts', async () => {
    queue(db, clock, 'digest', 'C1', 'headline');
    queue(db, clock, 'digest.r1', 'C1', 'detail 1', 'digest');
    queue(db, clock, 'dm', 'U1', 'your items');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report).toMatchObject({ sent: 3, failed: 0, pending: 0 });
    const parent = row('digest');
    expect(parent).toMatchObject({ state: 'sent', sentChannel: 'C1', attempts: 1 });
    const reply = standIn.callsTo('chat.postMessage').find((c) => c.args.text === 'detail 1');
    expect(reply?.args).toMatchObject({ channel: 'C1', thread_ts: parent?.sentTs });
    // Each message names its outbox row in Slack's message metadata (the chaos run counts by it).
    expect(reply?.args.metadata).toEqual({ event_type: 'reform_bot_outbox', event_payload: { key: 'digest.r1' } });
    // A user id as channel: Slack answers with the DM channel, kept for replies.
    expect(row('dm')).toMatchObject({ state: 'sent', sentChannel: 'DU1' });
  });

  it('paces posts to about one per second per channel, without delaying other channels', async () => {
    for (let i = 0; i < 4; i += 1) queue(db, clock, `c1-${i}`, 'C1', `c1 ${i}`);
    for (let i = 0; i < 3; i += 1) queue(db, clock, `u-${i}`, `U${i}`, `dm ${i}`);
    await testDispatcher(db, post, clock).drain(60_000);
    const c1 = calls.filter((c) => c.channel === 'C1').map((c) => c.at);
    expect(c1).toHaveLength(4);
    for (let i = 1; i < c1.length; i += 1)
      expect((c1[i] as number) - (c1[i - 1] as number)).toBeGreaterThanOrEqual(1000);
    const dms = calls.filter((c) => c.channel.startsWith('U')).map((c) => c.at);
    expect(dms.every((at) => at === dms[0])).toBe(true);
  });

  it('a reply waits until its parent is sent', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'http', status: 503 });
    queue(db, clock, 'p', 'C1', 'parent');
    queue(db, clock, 'p.r', 'C1', 'reply', 'p');
    const dispatcher = testDispatcher(db, post, clock);
    await dispatcher.dispatchDue();
    expect(row('p.r')).toMatchObject({ state: 'pending', attempts: 0 });
    await dispatcher.drain(60_000);
    expect(calls.map((c) => c.text)).toEqual(['parent', 'parent', 'reply']);
    expect(row('p.r')?.state).toBe('sent');
  });
});

describe('transient failures', () => {
  it('retries 500s with growing delays and sends once', async () => {
    standIn.failNext('chat.postMessage', 3, { kind: 'http', status: 500 });
    queue(db, clock, 'k', 'C1', 'hello');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report).toMatchObject({ sent: 1, pending: 0 });
    expect(row('k')).toMatchObject({ state: 'sent', attempts: 4, lastError: 'http_500' });
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i] as Posted).at);
    // base 2 s doubling, half of it jittered (random = 0.5 -> 75 %)
    expect(gaps).toEqual([1500, 3000, 6000]);
    expect(deliveredTexts(standIn)).toEqual(['hello']);
  });

  it('waits the Retry-After of a 429 before posting anything again', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'ratelimit', retryAfterSec: 1 });
    queue(db, clock, 'a', 'C1', 'a');
    queue(db, clock, 'b', 'C2', 'b');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report).toMatchObject({ sent: 2, pending: 0 });
    // a: 429 at t0; nothing else is posted until t0 + 1 s, then a and b.
    expect(calls.map((c) => [c.text, c.at - calls[0]!.at])).toEqual([
      ['a', 0],
      ['a', 1000],
      ['b', 1000],
    ]);
  });

  it('retries dropped connections', async () => {
    standIn.failNext('chat.postMessage', 2, { kind: 'drop' });
    queue(db, clock, 'k', 'U7', 'dm');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report.sent).toBe(1);
    expect(row('k')?.lastError).toMatch(/^network/);
    expect(deliveredTexts(standIn)).toEqual(['dm']);
  });

  it('stops waiting when the budget is spent and leaves the rest queued', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'ratelimit', retryAfterSec: 120 });
    queue(db, clock, 'k', 'C1', 'later');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report).toMatchObject({ sent: 0, retried: 1, pending: 1 });
    expect(report.nextAttemptAt?.getTime()).toBe(clock.ms + 120_000);
    expect(row('k')).toMatchObject({ state: 'pending', lastError: 'ratelimited (Retry-After 120 s)' });
  });

  it('under a 30 % mix of 500, 429 and dropped connections, delivers every message exactly once', async () => {
    standIn.setFaultRate(
      0.3,
      [
        { kind: 'http', status: 500 },
        { kind: 'ratelimit', retryAfterSec: 1 },
        { kind: 'drop' },
        { kind: 'http', status: 502 },
      ],
      42,
      { methods: ['chat.postMessage'] },
    );
    const texts: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const text = `message ${i}`;
      texts.push(text);
      queue(db, clock, `k${i}`, i % 3 === 0 ? `U${i}` : `C${i % 5}`, text);
    }
    queue(db, clock, 'k0.r', 'U0', 'reply to 0', 'k0');
    texts.push('reply to 0');
    const report = await testDispatcher(db, post, clock).drain(10 * 60_000);
    expect(report).toMatchObject({ failed: 0, pending: 0 });
    expect(report.retried).toBeGreaterThan(5);
    expect(deliveredTexts(standIn).sort()).toEqual(texts.sort());
    expect(countByState(db)).toMatchObject({ sent: 41, pending: 0, sending: 0, failed: 0 });
  });

  it('gives up after a day of transient failures and tells the admins', async () => {
    addAdmins(db, 'UADMIN');
    queue(db, clock, 'k', 'C5', 'never');
    const flaky: PostMessage = (args) =>
      args.channel === 'C5'
        ? Promise.reject(Object.assign(new Error('x'), { code: 'slack_webapi_http_error', statusCode: 503 }))
        : post(args);
    const report = await testDispatcher(db, flaky, clock, { maxBackoffMs: 60 * 60_000 }).drain(2 * 86_400_000);
    expect(row('k')?.state).toBe('failed');
    expect(row('k')?.lastError).toMatch(/^gave up after \d+ attempts: http_503$/);
    expect(report.failed).toBe(1);
    expect(standIn.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['UADMIN']);
  });

  it('does not give up on a message that waited out a long downtime at its first transient errors', async () => {
    addAdmins(db, 'UADMIN');
    queue(db, clock, 'old', 'C5', 'queued before the downtime');
    clock.ms += 2 * 86_400_000; // the bot was down for two days
    let failures = 3;
    const flaky: PostMessage = (args) =>
      args.channel === 'C5' && failures-- > 0
        ? Promise.reject(Object.assign(new Error('x'), { code: 'slack_webapi_http_error', statusCode: 500 }))
        : post(args);
    const report = await testDispatcher(db, flaky, clock).drain(60 * 60_000);
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 3 });
    expect(row('old')).toMatchObject({ state: 'sent', attempts: 4 });
    expect(deliveredTexts(standIn)).toEqual(['queued before the downtime']);
  });
});

describe('permanent failures', () => {
  it('fails the message and its replies, tells each admin once, and says the bot is not in the channel', async () => {
    addAdmins(db, 'UADMIN1', 'UADMIN2');
    standIn.setConversation('C9', { is_member: false });
    queue(db, clock, 'g', 'C9', 'group prompt');
    queue(db, clock, 'g.r', 'C9', 'thread detail', 'g');
    queue(db, clock, 'ok', 'C1', 'fine');
    const dispatcher = testDispatcher(db, post, clock);
    const report = await dispatcher.drain(60_000);
    expect(report).toMatchObject({ failed: 1, pending: 0 });
    expect(row('g')).toMatchObject({ state: 'failed', lastError: 'not_in_channel', attempts: 1 });
    expect(row('g.r')).toMatchObject({ state: 'failed', attempts: 0 });
    expect(row('ok')?.state).toBe('sent');
    const alerts = standIn.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('UADMIN'));
    expect(alerts.map((c) => c.args.channel).sort()).toEqual(['UADMIN1', 'UADMIN2']);
    const alertText = JSON.stringify(alerts[0]?.args.blocks);
    expect(alertText).toContain('not a member of <#C9>');
    expect(alertText).toContain('1 thread reply');
    expect(alertText).toContain(`reform-bot outbox --retry ${row('g')?.id}`);
    // Dispatching again tells nobody again.
    await dispatcher.drain(60_000);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(4);
  });

  it.each([
    ['channel_not_found', 'cannot find'],
    ['invalid_blocks', 'bug in reform-bot'],
    ['is_archived', 'archived'],
    ['msg_too_long', 'bug in reform-bot'],
  ])('%s: failed with the reason, admins told', async (error, advice) => {
    addAdmins(db, 'UADMIN');
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error });
    queue(db, clock, 'k', 'C3', 'x');
    await testDispatcher(db, post, clock).drain(60_000);
    expect(row('k')).toMatchObject({ state: 'failed', lastError: error });
    const alert = standIn.callsTo('chat.postMessage').find((c) => c.args.channel === 'UADMIN');
    expect(JSON.stringify(alert?.args.blocks)).toContain(advice);
  });

  it('a failed alert is not alerted about (no loops), and is listed as failed', async () => {
    addAdmins(db, 'UADMIN');
    standIn.setUser('UADMIN', 'not_found');
    standIn.failNext('chat.postMessage', 2, { kind: 'slackError', error: 'user_not_found' });
    queue(db, clock, 'k', 'U404', 'x');
    await testDispatcher(db, post, clock).drain(60_000);
    expect(countByState(db)).toMatchObject({ failed: 2, pending: 0 });
    expect(
      rows()
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['admin.alert', 'test']);
  });

  it('a refused token keeps messages queued and alerts nobody', async () => {
    addAdmins(db, 'UADMIN');
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error: 'invalid_auth' });
    queue(db, clock, 'a', 'C1', 'a');
    queue(db, clock, 'b', 'C2', 'b');
    const report = await testDispatcher(db, post, clock).drain(60_000);
    expect(report).toMatchObject({ blocked: 'invalid_auth', sent: 0, failed: 0, pending: 2 });
    expect(row('a')).toMatchObject({ state: 'pending', lastError: 'invalid_auth' });
    expect(calls).toHaveLength(1);
  });

  it('outbox --retry requeues a failed message with its replies, and a new failure is reported again', async () => {
    addAdmins(db, 'UADMIN');
    standIn.setConversation('C9', { is_member: false });
    queue(db, clock, 'g', 'C9', 'prompt');
    queue(db, clock, 'g.r', 'C9', 'reply', 'g');
    const dispatcher = testDispatcher(db, post, clock);
    const alerts = () => standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UADMIN').length;
    await dispatcher.drain(60_000);
    expect(alerts()).toBe(1);
    // Retried before anyone invited the bot: fails again, and the admins hear of it again.
    expect(requeueFailed(db, [row('g')!.id], clock.now())).toBe(2);
    await dispatcher.drain(60_000);
    expect(row('g')).toMatchObject({ state: 'failed', attempts: 2 });
    expect(alerts()).toBe(2);
    standIn.setConversation('C9', { is_member: true });
    expect(requeueFailed(db, 'all', clock.now())).toBe(2);
    await dispatcher.drain(60_000);
    expect(row('g')?.state).toBe('sent');
    expect(row('g.r')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.text === 'reply')).toHaveLength(1);
  });
});

describe('restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reform-outbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a restart between queueing and sending delivers once', async () => {
    const path = join(dir, 'bot.db');
    const first = openDatabase(path);
    queue(first, clock, 'k', 'C1', 'survives');
    closeDatabase(first);
    const second = openDatabase(path);
    await testDispatcher(second, post, clock).drain(60_000);
    await testDispatcher(second, post, clock).drain(60_000);
    closeDatabase(second);
    const third = openDatabase(path);
    await testDispatcher(third, post, clock).drain(60_000);
    expect(countByState(third)).toMatchObject({ sent: 1, pending: 0 });
    closeDatabase(third);
    expect(deliveredTexts(standIn)).toEqual(['survives']);
  });

  it('a row left `sending` by a crash is re-sent once it is stale, and counted; a fresh one is left alone', async () => {
    queue(db, clock, 'crashed', 'C1', 'maybe twice');
    queue(db, clock, 'inflight', 'C2', 'another process');
    db.$client
      .prepare(`update outbox set state = 'sending', attempts = 1, sending_since = ? where idempotency_key = 'crashed'`)
      .run(new Date(clock.ms - 10 * 60_000).toISOString());
    db.$client
      .prepare(
        `update outbox set state = 'sending', attempts = 1, sending_since = ? where idempotency_key = 'inflight'`,
      )
      .run(new Date(clock.ms - 5_000).toISOString());
    const report = await testDispatcher(db, post, clock).dispatchDue();
    expect(report).toMatchObject({ recovered: 1, sent: 1 });
    expect(row('crashed')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(row('crashed')?.lastError).toMatch(/^interrupted while sending at .* \(re-sent; may be a duplicate\)$/);
    expect(row('inflight')?.state).toBe('sending');
  });
});

describe('the bot loop', () => {
  it('sends what is queued after a poke, and stops cleanly', async () => {
    const dispatcher = testDispatcher(db, recordingPoster(standIn, new FakeClock()).post, new FakeClock(), {
      now: () => new Date(),
      sleep: undefined,
      pollMs: 60_000,
    });
    dispatcher.start();
    queue(db, clock, 'k', 'C1', 'live');
    dispatcher.poke();
    await standIn.waitFor('chat.postMessage', (c) => c.args.text === 'live');
    await dispatcher.stop();
    expect(deliveredTexts(standIn)).toEqual(['live']);
  });
});
