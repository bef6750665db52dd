import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { afterAck } from '../../src/slack/afterAck.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A connected loopback socket pair: what a new Slack request looks like to the event loop. */
async function socketPair(): Promise<{ client: Socket; server: Socket }> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  const [server] = await accepted;
  cleanups.push(() => {
    client.destroy();
    server.destroy();
    listener.close();
  });
  return { client, server };
}

describe('afterAck', () => {
  it('resumes parked work in the order it was parked', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => afterAck().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('reads what arrived on the network before resuming the next parked work', async () => {
    const { client, server } = await socketPair();
    const order: string[] = [];
    server.on('data', () => order.push('request arrived'));
    await Promise.all([
      afterAck().then(() => {
        order.push('work 1');
        // A request lands while work 2 and 3 are parked.
        client.write('x');
      }),
      afterAck().then(() => order.push('work 2')),
      afterAck().then(() => order.push('work 3')),
    ]);
    expect(order).toEqual(['work 1', 'request arrived', 'work 2', 'work 3']);
  });

  it('does not resume work in the same turn it was parked', async () => {
    let resumed = false;
    const parked = afterAck().then(() => {
      resumed = true;
    });
    // A long chain of promise jobs (the rest of this turn) runs first.
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(resumed).toBe(false);
    await parked;
    expect(resumed).toBe(true);
  });
});
