// No token or signing secret in any log line. Representative sessions run with every log line
// captured at level trace (the most the app and Bolt write): the HTTP app taking commands,
// clicks, modal submissions and events, with forged requests and failing Web API calls
// (invalid_auth, 500s); the app in Socket Mode (the app token opens the connection); and the
// outbox dispatcher failing to send. Every captured line is searched for each secret.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton } from '../../src/blocks/ids.ts';
import { openDatabase } from '../../src/db/client.ts';
import { userLocales } from '../../src/db/schema.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { startHarness, startSocketHarness } from '../support/appHarness.ts';
import { FakeClock } from '../support/dispatcherKit.ts';
import { itemOf, updateSubmission } from '../support/items.ts';
import { NOW, PEOPLE, seedOrg } from '../support/office.ts';
import { appHomeOpened, blockActions, slashCommand } from '../support/payloads.ts';
import { postEvent, postInteraction } from '../support/signedRequest.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

const APP_TOKEN = 'xapp-1-A0REFORM-1234567890-SECRETappToken';
const SOCKET_BOT_TOKEN = 'xoxb-1234-5678-SECRETbotTokenSocket';
const DISPATCH_BOT_TOKEN = 'xoxb-1234-5678-SECRETbotTokenOutbox';

function captured(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

/** Lines holding a secret, whole or without its well-known prefix (when the rest is distinctive). */
function leaks(lines: readonly string[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap((s) => [s, s.replace(/^(xoxb|xapp)-/, '')]).filter((n) => n.length >= 9);
  return lines.filter((line) => needles.some((n) => line.includes(n)));
}

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

describe('the logger', () => {
  it('redacts secrets under the names the app knows them by, at the top level and one level down', () => {
    const { log, lines } = captured();
    const config = {
      SLACK_BOT_TOKEN: SOCKET_BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    };
    log.info(config, 'the environment');
    log.info({ config }, 'the config object');
    log.info(
      { settings: { botToken: SOCKET_BOT_TOKEN, appToken: APP_TOKEN, signingSecret: SIGNING_SECRET } },
      'Slack settings',
    );
    log.info(
      { req: { headers: { Authorization: `Bearer ${SOCKET_BOT_TOKEN}`, authorization: `Bearer ${APP_TOKEN}` } } },
      'a request',
    );
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.includes('[redacted]'))).toBe(true);
    expect(leaks(lines, [SOCKET_BOT_TOKEN, APP_TOKEN, SIGNING_SECRET])).toEqual([]);
  });
});

describe('the HTTP app at level trace', () => {
  it('logs requests, refusals and Web API failures, never the bot token or the signing secret', async () => {
    const h = await startHarness({ logLevel: 'trace' });
    try {
      for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
      for (const text of ['help', 'item P1#1', 'plan P1', 'stats', 'mine', 'update P1#2 started evidence'])
        await h.slash(PEOPLE.admin, text);
      await h.slashRaw(PEOPLE.admin, 'update P1#3 done forged', { forgeSignature: true });
      await h.slashRaw(PEOPLE.admin, 'help', { staleTimestamp: true });
      const item = itemOf(h.db, 'P1#2');
      await h.click(
        PEOPLE.admin,
        ACTIONS.itemMarkStarted,
        encodeItemButton({ itemId: item.id, version: item.version }),
      );
      await h.click(PEOPLE.admin, ACTIONS.itemMarkDone, 'not a button value');
      await postInteraction(
        h.baseUrl,
        SIGNING_SECRET,
        updateSubmission(h.db, { user: PEOPLE.ndrcMember, ref: 'P1#3', status: 'done', note: '已印发' }),
      );
      await postEvent(h.baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: PEOPLE.g1Leader }));
      await h.standIn.waitFor('views.publish', (c) => c.args.user_id === PEOPLE.g1Leader);

      // Failing Web API calls, each of which is logged: a refused token, server errors after retries.
      h.standIn.failNext('users.info', 1, { kind: 'slackError', error: 'invalid_auth' });
      h.db.delete(userLocales).run();
      await h.slash(PEOPLE.g1Leader, 'mine');
      h.standIn.failNext('views.open', 3, { kind: 'http', status: 500 });
      expect((await h.slash(PEOPLE.admin, 'update')).shown).toContain('could not be opened');
      h.standIn.failNext('views.publish', 3, { kind: 'slackError', error: 'invalid_auth' });
      await postEvent(h.baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: PEOPLE.g2Leader }));
      h.standIn.failNext('response_url', 1, { kind: 'http', status: 500 });
      await h.slashRaw(PEOPLE.stranger, 'help', { responseUrlId: 'dead-end' });

      await expect.poll(() => h.logs.join('')).toContain('Failed to respond to the response_url: 500');
      const all = h.logs.join('');
      expect(h.deps.log.level).toBe('trace');
      expect(all).toContain('http request headers: [payload'); // Web API requests were logged, payloads summarized
      expect(all).toContain('Failed to verify authenticity: signature mismatch');
      expect(all).toContain('x-slack-request-timestamp must differ from system time');
      expect(all).toContain('users.info failed');
      expect(all).toContain('statusCode = 500');
      expect(all).toMatch(/invalid_auth.*unhandled listener error/);
      expect(leaks(h.logs, [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('the app in Socket Mode at level trace', () => {
  it('opens the connection with the app token and takes a command, never logging either token', async () => {
    standIn.reset();
    const { log, lines } = captured();
    const app = await startSocketHarness({ standIn, appToken: APP_TOKEN, botToken: SOCKET_BOT_TOKEN, log });
    const { socket } = app;
    try {
      socket.send({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand({
          user_id: PEOPLE.admin,
          channel_id: 'C0REFORM',
          text: 'stats',
          response_url: standIn.responseUrl('socket-stats'),
        }),
      });
      await standIn.waitFor('response_url', (c) => c.responseUrlId === 'socket-stats', 5000);
      standIn.failNext('chat.postMessage', 3, { kind: 'slackError', error: 'invalid_auth' });
      socket.send({
        envelope_id: 'env-2',
        type: 'interactive',
        accepts_response_payload: false,
        payload: blockActions({
          user_id: PEOPLE.admin,
          action_id: ACTIONS.itemMarkDone,
          value: 'garbage',
          source: { kind: 'home' },
        }),
      });
      await socket.waitFor((m) => m.envelope_id === 'env-2');
      expect(standIn.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    } finally {
      await app.close();
    }
    expect(lines.join('\n')).toContain('env-1'); // the socket traffic was logged
    expect(leaks(lines, [APP_TOKEN, SOCKET_BOT_TOKEN])).toEqual([]);
  });
});

describe('the outbox dispatcher at level trace', () => {
  it('logs 500s, a refused token and a message Slack will not take, never the token', async () => {
    standIn.reset();
    const db = openDatabase(':memory:');
    seedOrg(db);
    const clock = new FakeClock(NOW.getTime());
    for (const [key, target] of [
      ['a', 'C0G1'],
      ['b', 'C0GONE'],
      ['c', 'UG1LEAD'],
    ]) {
      enqueue(
        db,
        { idempotencyKey: `test:${key}`, kind: 'test', target: target as string, payload: { text: `message ${key}` } },
        clock.now(),
      );
    }
    standIn.failNext('chat.postMessage', 2, { kind: 'http', status: 500 });
    standIn.setConversation('C0GONE', 'not_found');
    const { log, lines } = captured();
    const post = createSlackPoster({ token: DISPATCH_BOT_TOKEN, apiUrl: standIn.url, timeoutMs: 5000 }, log);
    const dispatcher = createDispatcher({
      db,
      post,
      log,
      defaultLocale: 'en',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    await dispatcher.drain(60 * 60_000);
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error: 'invalid_auth' });
    enqueue(
      db,
      { idempotencyKey: 'test:d', kind: 'test', target: 'C0G1', payload: { text: 'message d' } },
      clock.now(),
    );
    await dispatcher.dispatchDue();
    db.$client.close();
    const all = lines.join('\n');
    expect(all).toContain('will retry');
    expect(all).toContain('channel_not_found');
    expect(all).toContain('Slack refused the bot token');
    expect(leaks(lines, [DISPATCH_BOT_TOKEN])).toEqual([]);
  });
});
