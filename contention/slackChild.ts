// The Slack stand-in of a contention run, in its own process so parsing thousands of answers does
// not slow the load generator's clock. It keeps only what the run's verdict needs, and forgets
// the rest every quarter second (the stand-in would otherwise keep every call's blocks):
//   - every response_url post: which request it answers (its id) and its text;
//   - every accepted message post (chat.postMessage, chat.postEphemeral): channel, text, and the
//     outbox key the dispatcher puts in the metadata, to find duplicates;
//   - how many calls of each method arrived.
// Answers the parent's `facts` message over IPC with all of it.
import { OUTBOX_EVENT_TYPE } from '../src/outbox/dispatcher.ts';
import { startSlackStandIn } from '../test/support/slackStandIn.ts';
import type { PostedMessage, ResponsePost, SlackFacts } from './slackFacts.ts';

const standIn = await startSlackStandIn();
const responses: ResponsePost[] = [];
const messages: PostedMessage[] = [];
const methods: Record<string, number> = {};
const POSTS = new Set(['chat.postMessage', 'chat.postEphemeral']);

function outboxKey(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const m = metadata as { event_type?: unknown; event_payload?: { key?: unknown } };
  return m.event_type === OUTBOX_EVENT_TYPE && typeof m.event_payload?.key === 'string'
    ? m.event_payload.key
    : undefined;
}

function tally(): void {
  for (const call of standIn.calls) {
    methods[call.method] = (methods[call.method] ?? 0) + 1;
    const text = typeof call.args.text === 'string' ? call.args.text : '';
    if (call.method === 'response_url') responses.push({ id: call.responseUrlId ?? '', text, at: call.at });
    else if (POSTS.has(call.method) && !call.fault) {
      const key = outboxKey(call.args.metadata);
      messages.push({
        method: call.method,
        channel: String(call.args.channel ?? ''),
        user: typeof call.args.user === 'string' ? call.args.user : undefined,
        text,
        ...(key ? { key } : {}),
        at: call.at,
      });
    }
  }
  standIn.reset();
}
const timer = setInterval(tally, 250);

process.on('message', (message: unknown) => {
  if (message === 'facts') {
    tally();
    const facts: SlackFacts = { responses, messages, methods };
    process.send?.({ facts });
  } else if (message === 'stop') {
    clearInterval(timer);
    void standIn.close().then(() => process.exit(0));
  }
});
process.send?.({ origin: standIn.origin, url: standIn.url });
