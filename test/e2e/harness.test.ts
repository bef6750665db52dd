// Proves the e2e harness against a real Bolt App: the stand-in records what the app calls,
// signed requests pass Bolt's verification (and bad ones do not), payload builders are
// accepted by Bolt's routing, and injected faults surface as the web client's real errors.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { App, type BlockAction, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { boltLogger } from '../../src/slackApi/boltLogger.ts';
import {
  appHomeOpened,
  blockActions,
  blockSuggestion,
  stateValue,
  urlVerification,
  viewSubmission,
} from '../support/payloads.ts';
import { postEvent, postInteraction, postSlashCommand, signSlackRequest } from '../support/signedRequest.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../support/workspace.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('signSlackRequest', () => {
  it('computes v0= HMAC-SHA256 of v0:<ts>:<body> (Slack documentation example)', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618);
    expect(headers).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });
});

describe('harness against a real Bolt App (HTTPReceiver, bare constructor)', () => {
  let standIn: StandIn;
  let app: App;
  let baseUrl: string;
  const retryNums: (number | undefined)[] = [];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    app = new App({
      receiver: new HTTPReceiver({
        signingSecret: SIGNING_SECRET,
        endpoints: '/slack/events',
        logLevel: LogLevel.ERROR,
      }),
      token: 'xoxb-test',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
    });
    app.command('/reform', async ({ command, ack, client, respond, context }) => {
      await ack();
      retryNums.push(context.retryNum);
      const info = await client.users.info({ user: command.user_id, include_locale: true });
      const text = info.user?.locale === 'en-US' ? 'Received' : '收到';
      await client.chat.postMessage({
        channel: command.channel_id,
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      });
      await respond({ response_type: 'ephemeral', text: `ok ${command.text}` });
    });
    app.action<BlockAction>('approve', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: 'plan_edit',
          private_metadata: body.actions[0]?.type === 'button' ? (body.actions[0].value ?? '') : '',
          title: { type: 'plain_text', text: '更新' },
          blocks: [],
        },
      });
    });
    app.view('plan_edit', async ({ ack, view, body, client }) => {
      const note = view.state.values.note?.note_input?.value;
      if (!note) {
        await ack({ response_action: 'errors', errors: { note: '必填 / required' } });
        return;
      }
      await ack();
      const dm = await client.conversations.open({ users: body.user.id });
      await client.chat.postMessage({ channel: dm.channel?.id ?? '', text: `saved ${view.private_metadata}: ${note}` });
    });
    app.options('plan_picker', async ({ ack, options }) => {
      await ack({ options: [{ text: { type: 'plain_text', text: `P1 ${options.value}` }, value: 'P1' }] });
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({
        user_id: event.user,
        view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'home' } }] },
      });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  it('Bolt checks its token with auth.test against the stand-in, not the network', async () => {
    const call = await standIn.waitFor('auth.test');
    expect(call.token).toBe('xoxb-test');
  });

  it('a slash command is acked, and its Web API calls and respond() are recorded', async () => {
    standIn.setUserLocale('U_EN', 'en-US');
    const res = await postSlashCommand(baseUrl, SIGNING_SECRET, {
      user_id: 'U_EN',
      channel_id: 'C_PLAN',
      text: 'plan P1',
      response_url: standIn.responseUrl('cmd-1'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const info = await standIn.waitFor('users.info', (c) => c.args.user === 'U_EN');
    expect(info.args.include_locale).toBe('true'); // form bodies carry strings
    const post = await standIn.waitFor('chat.postMessage', (c) => c.args.channel === 'C_PLAN');
    expect(post).toMatchObject({ token: 'xoxb-test', encoding: 'form', args: { text: 'Received' } });
    expect(post.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Received' } }]);
    const reply = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'cmd-1');
    expect(reply).toMatchObject({ encoding: 'json', args: { response_type: 'ephemeral', text: 'ok plan P1' } });
  });

  it('users default to zh-CN', async () => {
    await postSlashCommand(baseUrl, SIGNING_SECRET, {
      user_id: 'U_ZH',
      channel_id: 'C_ZH',
      response_url: standIn.responseUrl('cmd-zh'),
    });
    const post = await standIn.waitFor('chat.postMessage', (c) => c.args.channel === 'C_ZH');
    expect(post.args.text).toBe('收到');
  });

  it('passes x-slack-retry-num through to context.retryNum', async () => {
    const res = await postSlashCommand(
      baseUrl,
      SIGNING_SECRET,
      { user_id: 'U_R', channel_id: 'C_R', response_url: standIn.responseUrl('r') },
      { retryNum: 1 },
    );
    expect(res.status).toBe(200);
    await standIn.waitFor('response_url', (c) => c.responseUrlId === 'r');
    expect(retryNums).toContain(1);
  });

  it('a button opens a modal with the trigger_id from the payload', async () => {
    const payload = blockActions({
      user_id: 'U1',
      action_id: 'approve',
      value: 'P1#3',
      source: { kind: 'message', channel_id: 'C_PLAN' },
    });
    const res = await postInteraction(baseUrl, SIGNING_SECRET, payload);
    expect(res.status).toBe(200);
    const open = await standIn.waitFor('views.open');
    expect(open.args.trigger_id).toBe(payload.trigger_id);
    expect(open.args.view).toMatchObject({ type: 'modal', callback_id: 'plan_edit', private_metadata: 'P1#3' });
  });

  it('a view submission answers field errors in the ack body, or acts', async () => {
    const empty = viewSubmission({
      user_id: 'U1',
      callback_id: 'plan_edit',
      values: { note: { note_input: stateValue.text(null) } },
    });
    const refused = await postInteraction(baseUrl, SIGNING_SECRET, empty);
    expect(refused.json).toEqual({ response_action: 'errors', errors: { note: '必填 / required' } });

    const filled = viewSubmission({
      user_id: 'U1',
      callback_id: 'plan_edit',
      private_metadata: 'P1#3',
      values: { note: { note_input: stateValue.text('已完成') } },
    });
    const accepted = await postInteraction(baseUrl, SIGNING_SECRET, filled);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toBe('');
    const open = await standIn.waitFor('conversations.open');
    expect(open.args.users).toBe('U1');
    const post = await standIn.waitFor('chat.postMessage', (c) => c.args.channel === 'DU1');
    expect(post.args.text).toBe('saved P1#3: 已完成');
  });

  it('a block_suggestion gets its options in the ack body', async () => {
    const res = await postInteraction(
      baseUrl,
      SIGNING_SECRET,
      blockSuggestion({ user_id: 'U1', action_id: 'plan_picker', value: '改革' }),
    );
    expect(res.json).toEqual({ options: [{ text: { type: 'plain_text', text: 'P1 改革' }, value: 'P1' }] });
  });

  it('app_home_opened publishes the Home tab', async () => {
    const res = await postEvent(baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: 'U_HOME' }));
    expect(res.status).toBe(200);
    const publish = await standIn.waitFor('views.publish', (c) => c.args.user_id === 'U_HOME');
    expect(publish.args.view).toMatchObject({ type: 'home' });
  });

  it('url_verification echoes the challenge', async () => {
    const res = await postEvent(baseUrl, SIGNING_SECRET, urlVerification('abc123'));
    expect(res.json).toEqual({ challenge: 'abc123' });
  });

  it.each([
    ['a forged signature', { forgeSignature: true }],
    ['a stale timestamp', { staleTimestamp: true }],
    ['missing signature headers', { omitHeaders: true }],
  ] as const)('refuses %s with 401 and runs nothing', async (_name, options) => {
    const before = standIn.calls.length;
    const res = await postSlashCommand(
      baseUrl,
      SIGNING_SECRET,
      { user_id: 'U_BAD', channel_id: 'C_BAD', response_url: standIn.responseUrl('bad') },
      options,
    );
    expect(res.status).toBe(401);
    const home = await postEvent(baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: 'U_BAD' }), options);
    expect(home.status).toBe(401);
    await sleep(150);
    expect(standIn.calls.length).toBe(before);
  });
});

describe('a bare Bolt App given the bot identity (no client retries), as the bot is', () => {
  let standIn: StandIn;
  let running: { app: App; server: Server; baseUrl: string };
  const logs: string[] = [];
  const errors = () => logs.filter((line) => JSON.parse(line).level >= 50).join('\n');

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        logs.push(String(chunk));
        callback();
      },
    });
    const logger = boltLogger(createLogger({ level: 'debug', destination }));
    const app = new App({
      receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logger }),
      token: BOT_TOKEN,
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      logger,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    });
    app.command('/reform', async ({ ack, client, command }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: 'hi' });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    running = { app, server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  });
  beforeEach(() => standIn.reset());
  afterAll(async () => {
    const stopped = running.app.stop();
    running.server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
    await stopped;
    await standIn.close();
  });

  it('needs no auth.test and works end to end', async () => {
    const res = await postSlashCommand(running.baseUrl, SIGNING_SECRET, { user_id: 'U1', channel_id: 'C1' });
    expect(res.status).toBe(200);
    await standIn.waitFor('chat.postMessage');
    expect(standIn.callsTo('auth.test')).toEqual([]);
  });

  it('a Web API fault after ack still answers Slack 200 and reaches the error log', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'http', status: 500 });
    const res = await postSlashCommand(running.baseUrl, SIGNING_SECRET, { user_id: 'U1', channel_id: 'C1' });
    expect(res.status).toBe(200);
    const call = await standIn.waitFor('chat.postMessage');
    expect(call.fault).toEqual({ kind: 'http', status: 500 });
    await expect.poll(errors).toContain('statusCode = 500');
  });

  it('answers not_in_channel when the bot is not a member', async () => {
    standIn.setConversation('C_OUT', { is_member: false });
    await postSlashCommand(running.baseUrl, SIGNING_SECRET, { user_id: 'U1', channel_id: 'C_OUT' });
    await standIn.waitFor('chat.postMessage');
    await expect.poll(errors).toContain('not_in_channel');
  });
});

describe('stand-in faults seen through a real WebClient (retries: 0)', () => {
  let standIn: StandIn;
  let client: webApi.WebClient;
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: { code?: string }) => e.code,
    );

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
  });
  beforeEach(() => standIn.reset());
  afterAll(() => standIn.close());

  it('http 500 -> WebAPIHTTPError', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'http', status: 500 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
  });

  it('429 -> WebAPIRateLimitedError with retryAfter (rejectRateLimitedCalls: true)', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'ratelimit', retryAfterSec: 1 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 1,
    });
  });

  it('429 without rejectRateLimitedCalls: the client sleeps Retry-After, then fails with a request error', async () => {
    const plain = new webApi.WebClient('xoxb-test', {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    standIn.failNext('chat.postMessage', 1, { kind: 'ratelimit', retryAfterSec: 1 });
    const started = Date.now();
    expect(await codeOf(plain.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe('slack_webapi_request_error');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('slackError -> WebAPIPlatformError with data.error', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'channel_not_found' },
    });
  });

  it('drop -> WebAPIRequestError', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'drop' });
    expect(await codeOf(client.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe('slack_webapi_request_error');
  });

  it('delay answers normally, late', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'delay', ms: 200 });
    const started = Date.now();
    const res = await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(res.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('failNext covers exactly n calls, and every call is recorded with its fault', async () => {
    standIn.failNext('chat.postMessage', 2, { kind: 'slackError', error: 'fatal_error' });
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push(await codeOf(client.chat.postMessage({ channel: 'C1', text: `${i}` })));
    expect(codes).toEqual(['slack_webapi_platform_error', 'slack_webapi_platform_error', 'resolved']);
    expect(standIn.callsTo('chat.postMessage').map((c) => c.fault?.kind ?? 'none')).toEqual([
      'slackError',
      'slackError',
      'none',
    ]);
  });

  it('setFaultRate is reproducible for a seed and honours the method filter', async () => {
    const run = async (seed: number) => {
      standIn.reset();
      standIn.setFaultRate(
        0.5,
        [
          { kind: 'http', status: 503 },
          { kind: 'slackError', error: 'ratelimited' },
        ],
        seed,
        { methods: ['chat.postMessage'] },
      );
      for (let i = 0; i < 20; i += 1) await codeOf(client.chat.postMessage({ channel: 'C1', text: `${i}` }));
      await client.users.info({ user: 'U1' });
      return standIn.calls.map((c) => c.fault?.kind ?? 'none');
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(await run(7)).not.toEqual(first);
    expect(new Set(first.slice(0, 20))).toEqual(new Set(['http', 'slackError', 'none']));
    expect(first.at(-1)).toBe('none'); // users.info is not in the filter
  });

  it('realistic answers: ts increases, DMs resolve, unknown methods and missing scopes-of-args fail like Slack', async () => {
    const a = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const b = await client.chat.postMessage({ channel: 'U9', text: 'b' });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    expect(b.channel).toBe('DU9');
    expect(await codeOf(client.chat.postMessage({ channel: 'C1' } as never))).toBe('slack_webapi_platform_error');
    expect(standIn.calls.at(-1)).toMatchObject({ method: 'chat.postMessage' });
    await expect(client.apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    const noLocale = await client.users.info({ user: 'U1' });
    expect(noLocale.user?.locale).toBeUndefined();
    standIn.setConversation('C_GONE', 'not_found');
    await expect(client.conversations.info({ channel: 'C_GONE' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    standIn.setConversation('C_PRIV', { is_private: true, members: ['U1', 'U2'] });
    const priv = await client.conversations.info({ channel: 'C_PRIV' });
    expect(priv.channel).toMatchObject({ is_private: true, is_group: true, is_member: true });
    expect((await client.conversations.members({ channel: 'C_PRIV' })).members).toEqual(['U1', 'U2']);
  });

  it('on() overrides an answer', async () => {
    standIn.on('chat.postMessage', () => ({ ok: false, error: 'msg_too_long' }));
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'msg_too_long' },
    });
  });

  it('filesUploadV2 goes through getUploadURLExternal, the upload URL and completeUploadExternal', async () => {
    await client.filesUploadV2({
      channel_id: 'C1',
      content: '序号,事项\n1,改革',
      filename: 'ledger.csv',
      title: 'ledger',
    });
    expect(standIn.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'files.upload',
      'files.completeUploadExternal',
    ]);
    expect(standIn.callsTo('files.upload')[0]?.args.bytes).toBe(Buffer.byteLength('序号,事项\n1,改革'));
    expect(standIn.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C1',
      files: [{ title: 'ledger' }],
    });
  });

  it('response_url faults', async () => {
    standIn.failNext('response_url', 1, { kind: 'http', status: 404 });
    const url = standIn.responseUrl('x');
    const first = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"a"}',
    });
    const second = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"b"}',
    });
    expect([first.status, second.status]).toEqual([404, 200]);
    expect(standIn.callsTo('response_url').map((c) => c.args.text)).toEqual(['a', 'b']);
  });

  it('waitFor times out with the calls seen so far', async () => {
    await client.auth.test();
    await expect(standIn.waitFor('views.open', undefined, 50)).rejects.toThrow(/views\.open.*auth\.test/);
  });
});
