// Who the bot is in Slack (auth.test), asked once at start-up and handed to Bolt.
//
// Why not let Bolt ask: given only a token, Bolt calls auth.test in the App constructor and keeps
// that one promise for every later request. When Slack failed the call (HTTP 500s or dropped
// connections beyond the client's two retries), the rejection went unhandled and the process
// exited a moment after logging "started" - the chaos run found this - and had it survived, every
// request would have failed on the kept rejection. Here a transient failure is retried with
// backoff (Retry-After honoured) for a bounded time, and a refusal stops start-up with Slack's
// reason.
import { webApi } from '@slack/bolt';
import { realSleep, type Sleep } from '../clock.ts';
import type { Logger } from '../log.ts';
import { boltLogger } from './boltLogger.ts';
import { classifySlackError } from './slackErrors.ts';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export interface IdentityOptions {
  token: string;
  apiUrl?: string | undefined;
  log: Logger;
  /** Give up after trying this long (ms); the process manager restarts the bot. */
  budgetMs?: number;
  sleep?: Sleep;
  now?: () => number;
}

export class SlackIdentityError extends Error {
  override name = 'SlackIdentityError';
}

/** First retry after half a second, doubling up to 30 s. */
function identityBackoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** (attempt - 1));
}

export async function fetchBotIdentity(options: IdentityOptions): Promise<BotIdentity> {
  const { log } = options;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? 120_000;
  const started = now();
  const deadline = started + budgetMs;
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: boltLogger(log),
  });
  for (let attempt = 1; ; attempt += 1) {
    let verdict: ReturnType<typeof classifySlackError>;
    try {
      const result = await client.auth.test();
      if (!result.bot_id || !result.user_id)
        throw new SlackIdentityError('auth.test names no bot: SLACK_BOT_TOKEN must be a bot token (xoxb-...)');
      return { botId: result.bot_id, botUserId: result.user_id };
    } catch (error) {
      if (error instanceof SlackIdentityError) throw error;
      verdict = classifySlackError(error);
    }
    if (verdict.kind === 'blocked' || verdict.kind === 'permanent') {
      throw new SlackIdentityError(
        `Slack refused auth.test (${verdict.reason}): check SLACK_BOT_TOKEN${options.apiUrl ? ' and SLACK_API_URL' : ''}`,
      );
    }
    const wait = verdict.kind === 'ratelimit' ? verdict.retryAfterMs : identityBackoffMs(attempt);
    if (now() + wait > deadline) {
      // The time it really tried, not the budget: it gives up before the next wait would pass
      // the budget, and slow answers count too.
      const seconds = Math.round((now() - started) / 100) / 10;
      throw new SlackIdentityError(
        `Slack did not answer auth.test after ${seconds} s and ${attempt} attempt(s) (last: ${verdict.reason}); is Slack reachable?`,
      );
    }
    log.warn({ attempt, reason: verdict.reason, retryInMs: wait }, 'auth.test failed at start-up; trying again');
    await sleep(wait);
  }
}
