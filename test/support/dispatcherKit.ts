// A dispatcher wired to the Slack stand-in with a fake clock: `sleep` advances the clock instead
// of waiting, so retry delays, Retry-After and pacing cost no real time and are observable.

import type { Db } from '../../src/db/client.ts';
import { admins } from '../../src/db/schema.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher, type DispatcherOptions } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster, type PostMessage } from '../../src/slackApi/slackPoster.ts';
import { enqueue, type OutboxMessage } from '../../src/store/outbox.ts';
import type { StandIn } from './slackStandIn.ts';
import { BOT_TOKEN } from './workspace.ts';

const START = Date.parse('2026-11-27T01:00:00Z');

export class FakeClock {
  constructor(public ms = START) {}
  now = () => new Date(this.ms);
  sleep = async (ms: number) => {
    this.ms += Math.max(0, ms);
  };
}

export interface Posted {
  channel: string;
  text: string;
  threadTs?: string;
  /** Fake-clock time of the call. */
  at: number;
}

/** The real poster (WebClient -> stand-in), recording the fake time of every call. */
export function recordingPoster(
  standIn: StandIn,
  clock: FakeClock,
  calls: Posted[] = [],
): { post: PostMessage; calls: Posted[] } {
  const real = createSlackPoster(
    { token: BOT_TOKEN, apiUrl: standIn.url, timeoutMs: 5000 },
    createLogger({ level: 'silent' }),
  );
  const post: PostMessage = (args) => {
    calls.push({
      channel: args.channel,
      text: args.text,
      ...(args.thread_ts ? { threadTs: args.thread_ts } : {}),
      at: clock.ms,
    });
    return real(args);
  };
  return { post, calls };
}

export function testDispatcher(db: Db, post: PostMessage, clock: FakeClock, extra: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db,
    post,
    log: createLogger({ level: 'silent' }),
    defaultLocale: 'en',
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...extra,
  });
}

export function addAdmins(db: Db, ...ids: string[]): void {
  for (const userId of ids) db.insert(admins).values({ userId }).run();
}

export function queue(db: Db, clock: FakeClock, key: string, target: string, text: string, parentKey?: string): void {
  const message: OutboxMessage = {
    idempotencyKey: key,
    kind: 'test',
    target,
    payload: { text },
    ...(parentKey ? { parentKey } : {}),
  };
  enqueue(db, message, clock.now());
}

/** Successful chat.postMessage calls the stand-in answered (no fault injected), by text. */
export function deliveredTexts(standIn: StandIn): string[] {
  return standIn
    .callsTo('chat.postMessage')
    .filter((c) => c.fault === undefined)
    .map((c) => String(c.args.text));
}
