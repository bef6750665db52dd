import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { fetchBotIdentity, SlackIdentityError } from '../../src/slack/identity.ts';
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
  fetchBotIdentity({ token: BOT_TOKEN, apiUrl: standIn.url, log: createLogger({ level: 'silent' }), budgetMs, now: time.now, sleep: time.sleep });

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
    await expect(identity(time)).rejects.toThrow(new SlackIdentityError('Slack refused auth.test (invalid_auth): check SLACK_BOT_TOKEN and SLACK_API_URL'));
    expect(standIn.callsTo('auth.test')).toHaveLength(1);
  });

  it('gives up when Slack stays unreachable past the budget', async () => {
    standIn.failNext('auth.test', 100, { kind: 'http', status: 503 });
    const time = fakeTime();
    await expect(identity(time, 10_000)).rejects.toThrow(/^Slack did not answer auth\.test within 10 s \(last: http_503\)/);
    // 0.5 + 1 + 2 + 4 s waited; the next wait (8 s) would pass the budget.
    expect(time.waits).toEqual([500, 1000, 2000, 4000]);
  });
});
