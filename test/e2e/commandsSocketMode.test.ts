// Socket Mode for real: with SLACK_APP_TOKEN the app opens a connection (apps.connections.open
// with the app token), connects to the WebSocket URL Slack gives, receives a slash command
// envelope, acknowledges it over the socket and answers on the response_url; /healthz is
// served on PORT in this mode too; stop() closes the socket.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { createLogger } from '../../src/log.ts';
import { createSlackApp, type SlackRuntime } from '../../src/slack/app.ts';
import { type MiniWebSocketServer, startMiniWebSocketServer } from '../support/miniWebSocket.ts';
import { NOW, PEOPLE, seedOrg } from '../support/office.ts';
import { slashCommand } from '../support/payloads.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN } from '../support/workspace.ts';

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
  let ws: MiniWebSocketServer;
  let runtime: SlackRuntime;
  let port: number;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    ws = await startMiniWebSocketServer();
    standIn.on('apps.connections.open', () => ({ ok: true, url: ws.url }));
    const db = openDatabase(':memory:');
    seedOrg(db);
    port = await freePort();
    runtime = createSlackApp(
      { config: parseConfig({}), db, log: createLogger({ level: 'silent' }), calendar: WEEKENDS_ONLY, now: () => NOW },
      { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: standIn.url, port },
    );
    const connection = ws.nextConnection();
    const started = runtime.start();
    (await connection).send({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0REFORM' } });
    await started;
  });
  afterAll(async () => {
    await ws.close();
    await standIn.close();
  });

  it('opens the connection with the app token', () => {
    expect(runtime.mode).toBe('socket');
    const open = standIn.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
  });

  it('acknowledges a slash command over the socket and answers on its response_url', async () => {
    const socket = ws.connections[0]!;
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
    await runtime.stop(1000);
    await ws.connections[0]!.closed;
  });
});
