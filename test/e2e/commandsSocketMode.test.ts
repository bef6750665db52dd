// Socket Mode for real: with SLACK_APP_TOKEN the app opens a connection (apps.connections.open
// with the app token), connects to the WebSocket URL Slack gives, receives a slash command
// envelope, acknowledges it over the socket and answers on the response_url; /healthz is
// served on PORT in this mode too; stop() closes the socket.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocketHarness, startSocketHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { slashCommand } from '../support/payloads.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const APP_TOKEN = 'xapp-1-A0REFORM-socket-test';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('Socket Mode', () => {
  let standIn: StandIn;
  let app: SocketHarness;
  let port: number;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    port = await freePort();
    app = await startSocketHarness({ standIn, appToken: APP_TOKEN, port });
  });
  afterAll(async () => {
    await app.close();
    await standIn.close();
  });

  it('opens the connection with the app token', () => {
    expect(app.runtime.mode).toBe('socket');
    const open = standIn.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
  });

  it('acknowledges a slash command over the socket and answers on its response_url', async () => {
    const { socket } = app;
    socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({
        user_id: PEOPLE.stranger,
        channel_id: 'C0REFORM',
        text: 'help',
        response_url: standIn.responseUrl('socket'),
      }),
    });
    const ack = await socket.waitFor((m) => m.envelope_id === 'env-1');
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    const answer = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'socket', 5000);
    expect(JSON.stringify(answer.args.blocks)).toContain('/reform 帮助');
    expect(answer.token).toBeUndefined(); // response_url needs no token
  });

  it('serves /healthz on PORT', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'ok' });
  });

  it('stop() closes the socket', async () => {
    await app.runtime.stop(1000);
    await app.socket.closed;
  });
});
