// The one way tests start the bot: src's createSlackApp (Bolt, the real HTTPReceiver on a free
// port, every listener through the real registerListeners, the App Home refresher) against the
// Slack stand-in, with a fixed clock and the seeded office (office.ts) or a database the test
// prepared. Sends /reform commands and button clicks signed like Slack's; each helper waits for
// the app's answer on its response_url. startSocketHarness starts the same app in Socket Mode
// against a local WebSocket server. (The process-level start is botProcess.ts.)
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { parseConfig } from '../../src/config.ts';
import { BOT_BUSY_TIMEOUT_MS, setBusyTimeout } from '../../src/db/busy.ts';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { userLocales } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY, type WorkCalendar } from '../../src/domain/workdays.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { createSlackApp, type SlackRuntime } from '../../src/slack/app.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { startPendingChangeDrainer } from '../../src/slack/pendingChangeDrainer.ts';
import { startReadPool } from '../../src/slack/readWorkers/readPool.ts';
import { tempDb } from './db.ts';
import { type MiniSocket, type MiniWebSocketServer, startMiniWebSocketServer } from './miniWebSocket.ts';
import { NOW, type OfficeShape, type SeededPlan, type SeedPlan, seedOrg, seedPlans } from './office.ts';
import { BASE_PLANS } from './officePlans.ts';
import { blockActions } from './payloads.ts';
import { postInteraction, postSlashCommand, type SendOptions, type SlackHttpResult } from './signedRequest.ts';
import { textsOf } from './slackLimits.ts';
import { type RecordedCall, type StandIn, startSlackStandIn } from './slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './workspace.ts';

export interface Harness {
  standIn: StandIn;
  db: Db;
  /** The ids of the plans the harness seeded, by plan code (empty when the test brought `db`). */
  seeded: Map<string, SeededPlan>;
  deps: SlackDeps;
  runtime: SlackRuntime;
  baseUrl: string;
  /** Every log line the app wrote (JSON lines). */
  logs: string[];
  slash(userId: string, text: string, options?: SendOptions & { triggerId?: string }): Promise<Answer>;
  /** Sends the command and returns the HTTP result without waiting for an answer. */
  slashRaw(
    userId: string,
    text: string,
    options?: SendOptions & { triggerId?: string; responseUrlId?: string },
  ): Promise<SlackHttpResult>;
  click(
    userId: string,
    actionId: string,
    value: string,
    options?: SendOptions & { actionTs?: string },
  ): Promise<Answer>;
  clickRaw(
    userId: string,
    actionId: string,
    value: string,
    options?: SendOptions & { actionTs?: string; responseUrlId?: string },
  ): Promise<SlackHttpResult>;
  waitAnswer(responseUrlId: string): Promise<Answer>;
  /** The person's Slack locale, with the bot's cached copy forgotten so it applies at once. */
  /**
   * The person's Slack language from now on. Waits first for the Home refreshes under way: one
   * that asked Slack before the change would otherwise cache the old language after it.
   */
  setLocale(userId: string, locale: 'en-US' | 'zh-CN'): Promise<void>;
  /** Holds the shared file's write lock from another connection for `ms`; resolves when released. */
  lockFile(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface Answer {
  http: SlackHttpResult;
  call: RecordedCall;
  text: string;
  blocks: Record<string, unknown>[];
  /** All mrkdwn/plain text of the blocks, joined by newlines (what a person reads). */
  shown: string;
  replaceOriginal: boolean;
  ephemeral: boolean;
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export function toAnswer(http: SlackHttpResult, call: RecordedCall): Answer {
  const blocks = (call.args.blocks ?? []) as Record<string, unknown>[];
  return {
    http,
    call,
    text: String(call.args.text ?? ''),
    blocks,
    shown: textsOf(blocks).join('\n'),
    replaceOriginal: call.args.replace_original === true || call.args.replace_original === 'true',
    ephemeral: call.args.response_type === 'ephemeral',
  };
}

export interface HarnessOptions {
  /**
   * A database the test prepared (its own seed, already migrated); the test closes it. Without
   * it the harness opens one and seeds the office with `plans`.
   */
  db?: Db;
  plans?: SeedPlan[];
  /** The office's shape beyond the plain one (office.ts), when the harness seeds it. */
  office?: OfficeShape;
  /** The working-day calendar (default: weekends only). */
  calendar?: WorkCalendar;
  /** Parts of deps the test sets before the app is built (e.g. a health check). */
  deps?: Partial<SlackDeps>;
  env?: Record<string, string>;
  now?: () => Date;
  /** The app's log level (default debug); every line is kept in `logs`. */
  logLevel?: string;
  /** Start this many read workers (src/slack/readWorkers/); the ledger is then a temp file they share. */
  readWorkers?: number;
  /**
   * The ledger is a temp file the bot shares with other processes, as in production: the bot's
   * connection waits only BOT_BUSY_TIMEOUT_MS for the lock, and queued changes are drained.
   */
  shared?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await startSlackStandIn();
  const file = options.readWorkers || options.shared ? tempDb() : undefined;
  if (file) setBusyTimeout(file.db.$client, BOT_BUSY_TIMEOUT_MS);
  const db = options.db ?? file?.db ?? openDatabase(':memory:');
  let seeded = new Map<string, SeededPlan>();
  if (!options.db) {
    seedOrg(db, options.office);
    seeded = seedPlans(db, structuredClone(options.plans ?? BASE_PLANS));
  }
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  // A short Home refresh window: tests wait for views.publish (2 s at most) after a change.
  const config = parseConfig({
    REFORM_LOCALE: 'zh-CN',
    HOME_REFRESH_WINDOW_MS: '20',
    ...(file ? { DATABASE_PATH: file.path } : {}),
    ...options.env,
  });
  const deps: SlackDeps = {
    config,
    db,
    log: createLogger({ level: options.logLevel ?? 'debug', destination }),
    calendar: options.calendar ?? WEEKENDS_ONLY,
    now: options.now ?? (() => NOW),
    ...options.deps,
  };
  if (file && options.readWorkers) {
    // The workers open the same file; they log only warnings, like a quiet test.
    deps.readWorkers = startReadPool({
      size: options.readWorkers,
      data: { config: { ...config, DATABASE_PATH: file.path, LOG_LEVEL: 'warn' }, calendar: deps.calendar },
      log: deps.log,
    });
  }
  const runtime = createSlackApp(deps, {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: standIn.url,
    port: 0,
    host: '127.0.0.1',
  });
  const { port } = await runtime.start();
  const drainer = options.shared ? startPendingChangeDrainer(deps, runtime.app.client, 100) : undefined;
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitAnswer = async (id: string, http?: SlackHttpResult) => {
    const call = await standIn.waitFor('response_url', (c) => c.responseUrlId === id, 5000);
    return toAnswer(http as SlackHttpResult, call);
  };
  const slashRaw: Harness['slashRaw'] = (userId, text, opts = {}) =>
    postSlashCommand(
      baseUrl,
      SIGNING_SECRET,
      {
        user_id: userId,
        channel_id: 'C0REFORM',
        text,
        response_url: standIn.responseUrl(opts.responseUrlId ?? nextId('cmd')),
        ...(opts.triggerId ? { trigger_id: opts.triggerId } : {}),
      },
      opts,
    );
  const clickRaw: Harness['clickRaw'] = (userId, actionId, value, opts = {}) => {
    const payload = blockActions({
      user_id: userId,
      action_id: actionId,
      value,
      response_url: standIn.responseUrl(opts.responseUrlId ?? nextId('act')),
      source: { kind: 'message', channel_id: 'C0REFORM', is_ephemeral: true },
    });
    if (opts.actionTs) (payload.actions as { action_ts: string }[])[0]!.action_ts = opts.actionTs;
    return postInteraction(baseUrl, SIGNING_SECRET, payload, opts);
  };
  return {
    standIn,
    db,
    seeded,
    deps,
    runtime,
    baseUrl,
    logs,
    slashRaw,
    clickRaw,
    waitAnswer: (id) => waitAnswer(id),
    async setLocale(userId, locale) {
      await deps.homes?.flush();
      standIn.setUserLocale(userId, locale);
      db.delete(userLocales).where(eq(userLocales.userId, userId)).run();
    },
    async slash(userId, text, opts = {}) {
      const id = nextId('cmd');
      const http = await slashRaw(userId, text, { ...opts, responseUrlId: id });
      return waitAnswer(id, http);
    },
    async click(userId, actionId, value, opts = {}) {
      const id = nextId('act');
      const http = await clickRaw(userId, actionId, value, { ...opts, responseUrlId: id });
      return waitAnswer(id, http);
    },
    lockFile(ms) {
      if (!file) throw new Error('lockFile needs startHarness({ shared: true })');
      // Another process's write transaction (a CLI import), held for `ms`.
      const other = new Database(file.path);
      other.exec('begin immediate');
      return new Promise<void>((resolve) => {
        setTimeout(() => {
          other.exec('commit');
          other.close();
          resolve();
        }, ms);
      });
    },
    async close() {
      await drainer?.stop();
      await runtime.stop(1000);
      await deps.readWorkers?.close();
      await standIn.close();
      if (file) file.cleanup();
      else if (!options.db) db.$client.close();
    },
  };
}

export interface SocketHarness {
  runtime: SlackRuntime;
  db: Db;
  ws: MiniWebSocketServer;
  /** The app's connection, greeted with Slack's `hello`. */
  socket: MiniSocket;
  /** Stops the app, closes the socket server and the database (the stand-in is the test's). */
  close(): Promise<void>;
}

/**
 * The app in Socket Mode (an app token given), on the seeded office, connected to a local
 * WebSocket server the stand-in's apps.connections.open points to; resolves once started.
 */
export async function startSocketHarness(options: {
  standIn: StandIn;
  appToken: string;
  botToken?: string;
  log?: Logger;
  /** For /healthz (default: any free port). */
  port?: number;
}): Promise<SocketHarness> {
  const ws = await startMiniWebSocketServer();
  options.standIn.on('apps.connections.open', () => ({ ok: true, url: ws.url }));
  const db = openDatabase(':memory:');
  seedOrg(db);
  const runtime = createSlackApp(
    {
      config: parseConfig({}),
      db,
      log: options.log ?? createLogger({ level: 'silent' }),
      calendar: WEEKENDS_ONLY,
      now: () => NOW,
    },
    {
      botToken: options.botToken ?? BOT_TOKEN,
      appToken: options.appToken,
      apiUrl: options.standIn.url,
      port: options.port ?? 0,
      host: '127.0.0.1',
    },
  );
  const connection = ws.nextConnection();
  const started = runtime.start();
  const socket = await connection;
  socket.send({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0REFORM' } });
  await started;
  return {
    runtime,
    db,
    ws,
    socket,
    async close() {
      await runtime.stop(1000);
      await ws.close();
      db.$client.close();
    },
  };
}
