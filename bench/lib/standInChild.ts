// The Web API stand-in in its own process, so its work (parsing every ephemeral answer) does not
// slow the load generator's clock. Tells the parent its origin, then answers `counts` over IPC
// with how many calls of each method it received (`response_url` only for ids with the given prefix).
//
// The test stand-in keeps every call it records; over a bench run that is tens of thousands of
// answers with their blocks, and collecting that growing heap took CPU from the app under test on
// a 2-core machine (Slack's servers do not share the bot's). So the calls are tallied and
// forgotten every quarter second.
import { startSlackStandIn } from '../../test/support/slackStandIn.ts';

const standIn = await startSlackStandIn();
const methods = new Map<string, number>();
/** response_url posts by id without its trailing counter (`bot-load0-123` → `bot-load0-`). */
const responses = new Map<string, number>();

function tally(): void {
  for (const call of standIn.calls) {
    methods.set(call.method, (methods.get(call.method) ?? 0) + 1);
    if (call.method === 'response_url') {
      const group = (call.responseUrlId ?? '').replace(/\d+$/, '');
      responses.set(group, (responses.get(group) ?? 0) + 1);
    }
  }
  standIn.reset();
}
const timer = setInterval(tally, 250);

process.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && 'counts' in message) {
    tally();
    const prefix = String((message as { counts: unknown }).counts);
    const counts: Record<string, number> = Object.fromEntries(methods);
    counts.response_url = [...responses].reduce((n, [group, count]) => (group.startsWith(prefix) ? n + count : n), 0);
    process.send?.({ counts });
  } else if (message === 'stop') {
    clearInterval(timer);
    void standIn.close().then(() => process.exit(0));
  }
});
process.send?.({ origin: standIn.origin, url: standIn.url });
