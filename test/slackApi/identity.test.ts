import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { fetchBotIdentity, SlackIdentityError } from '../../src/slackApi/identity.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID } from '../support/workspace.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

/** A clock that only moves when the code under test sleeps. */
function fakeTime() {
  let ms = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => ms,
    sleep: async (wait: number) => {
      waits.push(wait);
      ms += wait;
    },
  };
}

const identity = (time: ReturnType<typeof fakeTime>, budgetMs = 120_000) =>
  fetchBotIdentity({
    token: BOT_TOKEN,
    apiUrl: standIn.url,
    log: createLogger({ level: 'silent' }),
    budgetMs,
    now: time.now,
    sleep: time.sleep,
  });

describe('fetchBotIdentity', () => {
  it('returns the bot and its user from auth.test', async () => {
    const time = fakeTime();
    expect(await identity(time)).toEqual({ botId: BOT_ID, botUserId: BOT_USER_ID });
    expect(time.waits).toEqual([]);
  });

  it('retries server errors, dropped connections and rate limits (waiting Retry-After) until Slack answers', async () => {
    standIn.failNext('auth.test', 2, { kind: 'http', status: 500 });
    standIn.failNext('auth.test', 1, { kind: 'drop' });
    standIn.failNext('auth.test', 1, { kind: 'ratelimit', retryAfterSec: 7 });
    const time = fakeTime();
    expect(await identity(time)).toEqual({ botId: BOT_ID, botUserId: BOT_USER_ID });
    expect(time.waits).toEqual([500, 1000, 2000, 7000]);
    expect(standIn.callsTo('auth.test')).toHaveLength(5);
  });

  it('stops at once when Slack refuses the token, naming the reason', async () => {
    standIn.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const time = fakeTime();
    await expect(identity(time)).rejects.toThrow(
      new SlackIdentityError('Slack refused auth.test (invalid_auth): check SLACK_BOT_TOKEN and SLACK_API_URL'),
    );
    expect(standIn.callsTo('auth.test')).toHaveLength(1);
  });

  it('gives up when Slack stays unreachable past the budget, saying how long it really tried', async () => {
    standIn.failNext('auth.test', 100, { kind: 'http', status: 503 });
    const time = fakeTime();
    // 0.5 + 1 + 2 + 4 s waited; the next wait (8 s) would pass the 10 s budget, so it stops at 7.5 s.
    await expect(identity(time, 10_000)).rejects.toThrow(
      /^Slack did not answer auth\.test after 7\.5 s and 5 attempt\(s\) \(last: http_503\)/,
    );
    expect(time.waits).toEqual([500, 1000, 2000, 4000]);
  });

  it('counts slow answers in the time it reports', async () => {
    standIn.failNext('auth.test', 100, { kind: 'http', status: 503 });
    const time = fakeTime();
    // Each attempt takes 3 s of the clock before Slack's 503 arrives.
    const slowNow = () => time.now() + 3000 * standIn.callsTo('auth.test').length;
    const attempt = fetchBotIdentity({
      token: BOT_TOKEN,
      apiUrl: standIn.url,
      log: createLogger({ level: 'silent' }),
      budgetMs: 20_000,
      now: slowNow,
      sleep: time.sleep,
    });
    // Five 3 s attempts and waits of 0.5 + 1 + 2 + 4 s: 22.5 s, more than the 20 s budget the
    // message used to quote, because the slow answers count too.
    await expect(attempt).rejects.toThrow(/^Slack did not answer auth\.test after 22\.5 s and 5 attempt\(s\)/);
  });
});
