// The Slack the bot talks to during a chaos run: the project's Web API stand-in, failing a share
// of all calls at random (HTTP 500, 429 with Retry-After 1 s, dropped connections, slow answers
// of a few seconds), and recording every chat.postMessage it ACCEPTED - a message Slack would
// show - by the outbox key the dispatcher puts in the message metadata, and every file it shared.
import { digestChartKey } from '../src/jobs/digestChart.ts';
import { OUTBOX_EVENT_TYPE } from '../src/outbox/dispatcher.ts';
import { type Fault, type StandIn, startSlackStandIn } from '../test/support/slackStandIn.ts';
import { defaultResponders } from '../test/support/standInResponses.ts';

/** Each kind equally likely among the failures. */
const CHAOS_FAULTS: readonly Fault[] = [
  { kind: 'http', status: 500 },
  { kind: 'ratelimit', retryAfterSec: 1 },
  { kind: 'drop' },
  { kind: 'delay', ms: 1500 },
  { kind: 'http', status: 500 },
  { kind: 'ratelimit', retryAfterSec: 1 },
  { kind: 'drop' },
  { kind: 'delay', ms: 3000 },
];

export interface Delivery {
  /** The outbox idempotency key from the message metadata (undefined: a message without one). */
  key: string | undefined;
  /** Real time (ms) Slack accepted it. */
  at: number;
  channel: string;
  ts: string;
  threadTs?: string;
}

export interface ChaosSlack {
  standIn: StandIn;
  deliveries: Delivery[];
  /** Called after each accepted post, before Slack answers: the kill-on-post hook. */
  onAccepted(listener: ((delivery: Delivery) => void) | undefined): void;
  faultCounts(): Record<string, number>;
  close(): Promise<void>;
}

function metadataKey(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const m = metadata as { event_type?: unknown; event_payload?: { key?: unknown } };
  return m.event_type === OUTBOX_EVENT_TYPE && typeof m.event_payload?.key === 'string'
    ? m.event_payload.key
    : undefined;
}

export async function startChaosSlack(faultRate: number, seed: number): Promise<ChaosSlack> {
  const standIn = await startSlackStandIn();
  const deliveries: Delivery[] = [];
  let listener: ((delivery: Delivery) => void) | undefined;
  const post = defaultResponders['chat.postMessage'];
  if (!post) throw new Error('the stand-in has no chat.postMessage responder');
  standIn.on('chat.postMessage', async (args, world) => {
    const answer = await post(args, world);
    if (answer.ok === true) {
      const delivery: Delivery = {
        key: metadataKey(args.metadata),
        at: Date.now(),
        channel: String(answer.channel),
        ts: String(answer.ts),
        ...(typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
      };
      deliveries.push(delivery);
      listener?.(delivery);
    }
    return answer;
  });
  // The digest's chart is a file, not a message: it carries no metadata, so it is known by its
  // file name (which names the week) and the channel it was shared in (src/jobs/digestChart.ts).
  const fileNames = new Map<string, string>();
  const reserve = defaultResponders['files.getUploadURLExternal'];
  const complete = defaultResponders['files.completeUploadExternal'];
  if (!reserve || !complete) throw new Error('the stand-in has no file upload responders');
  standIn.on('files.getUploadURLExternal', async (args, world) => {
    const answer = await reserve(args, world);
    if (answer.ok === true) fileNames.set(String(answer.file_id), String(args.filename));
    return answer;
  });
  standIn.on('files.completeUploadExternal', async (args, world) => {
    const answer = await complete(args, world);
    if (answer.ok === true) {
      for (const file of answer.files as { id: string }[]) {
        const period = /^progress-(.+)\.png$/.exec(fileNames.get(file.id) ?? '')?.[1];
        const delivery: Delivery = {
          key: period ? digestChartKey(String(args.channel_id), period) : undefined,
          at: Date.now(),
          channel: String(args.channel_id),
          ts: file.id,
          ...(typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
        };
        deliveries.push(delivery);
        listener?.(delivery);
      }
    }
    return answer;
  });
  standIn.setFaultRate(faultRate, CHAOS_FAULTS, seed);
  return {
    standIn,
    deliveries,
    onAccepted: (l) => {
      listener = l;
    },
    faultCounts() {
      const counts: Record<string, number> = {
        calls: standIn.calls.length,
        http500: 0,
        ratelimit: 0,
        drop: 0,
        slow: 0,
        authTest: 0,
        authTestFailed: 0,
      };
      for (const call of standIn.calls) {
        if (call.method === 'auth.test') {
          counts.authTest = (counts.authTest ?? 0) + 1;
          if (call.fault) counts.authTestFailed = (counts.authTestFailed ?? 0) + 1;
        }
        const kind = call.fault?.kind;
        if (kind === 'http') counts.http500 = (counts.http500 ?? 0) + 1;
        else if (kind === 'delay') counts.slow = (counts.slow ?? 0) + 1;
        else if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
      }
      return counts;
    },
    close: () => standIn.close(),
  };
}
