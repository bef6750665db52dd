// The Web API stand-in in its own process, so its work (parsing every ephemeral answer) does not
// slow the load generator's clock. Tells the parent its origin, then answers `counts` over IPC
// with how many calls of each method it received (`response_url` only for ids with the given prefix).
import { startSlackStandIn } from '../../test/support/slackStandIn.ts';

const standIn = await startSlackStandIn();
process.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && 'counts' in message) {
    const prefix = String((message as { counts: unknown }).counts);
    const counts: Record<string, number> = {};
    for (const call of standIn.calls) {
      if (call.method === 'response_url' && !call.responseUrlId?.startsWith(prefix)) continue;
      counts[call.method] = (counts[call.method] ?? 0) + 1;
    }
    process.send?.({ counts });
  } else if (message === 'stop') {
    void standIn.close().then(() => process.exit(0));
  }
});
process.send?.({ origin: standIn.origin, url: standIn.url });
