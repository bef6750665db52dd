// Builds the Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT with
// /slack/events (signatures checked) and GET /healthz. In Socket Mode /healthz is served on
// PORT too, so the same probe works in both modes.
//
// stop() is a clean shutdown: stop accepting (close the HTTP server or the socket), let the work
// already acknowledged finish (Bolt answers Slack at ack() and the listener carries on, so the
// server alone cannot tell), then return; the caller closes the database after.
import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { boltLogger } from '../slackApi/boltLogger.ts';
import type { BotIdentity } from '../slackApi/identity.ts';
import type { SlackDeps } from './deps.ts';
import { healthRoute } from './health.ts';
import { startAppHomeRefresher } from './homeRefresh.ts';
import { registerListeners } from './listeners/index.ts';
import { requestLogMiddleware, traceHttpRequests } from './requestLog.ts';

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  /** Listen address in HTTP mode (all interfaces when absent). */
  host?: string;
  /** From fetchBotIdentity; without it Bolt calls auth.test itself (see identity.ts for why not). */
  identity?: BotIdentity;
}

export interface SlackRuntime {
  app: App;
  mode: 'socket' | 'http';
  start(): Promise<{ port?: number }>;
  /** Resolves when in-flight work finished or `graceMs` passed. */
  stop(graceMs?: number): Promise<void>;
  /** Listener runs not finished yet (acknowledged requests still being worked on). */
  inFlight(): number;
}

/** Fail fast instead of retrying for half an hour: listeners answer people who are waiting. */
const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };

/** How long shutdown waits for acknowledged work before giving up on it. */
const SHUTDOWN_GRACE_MS = 10_000;

export function createSlackApp(deps: SlackDeps, settings: SlackSettings): SlackRuntime {
  const logger = boltLogger(deps.log);
  const clientOptions = { slackApiUrl: settings.apiUrl, retryConfig: INTERACTIVE_RETRY };
  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (settings.appToken) {
    receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      customRoutes: [healthRoute(deps)],
      // The socket client keeps its own (long) retries for apps.connections.open: reconnecting
      // after an outage is exactly what it should keep trying.
      installerOptions: { clientOptions: { slackApiUrl: settings.apiUrl }, port: settings.port },
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: settings.signingSecret ?? '',
      endpoints: '/slack/events',
      logger,
      customRoutes: [healthRoute(deps)],
      // Bolt answers 200 only when ack() is called; unanswered requests time out and Slack retries.
      processBeforeResponse: false,
    });
    receiver = httpReceiver;
  }
  // convoStore: false: the bot keeps no conversation state in Bolt, and Bolt's default memory
  // store answers every request's lookup with a rejected promise carrying a new Error (a stack
  // trace captured per request, on the thread that acknowledges).
  const app = new App({
    token: settings.botToken,
    ...settings.identity,
    receiver,
    logger,
    clientOptions,
    convoStore: false,
  });

  // First: every line logged while a request is handled carries its requestId.
  app.use(requestLogMiddleware(deps.log));
  const running = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  });
  app.error(async (error) => {
    deps.log.error({ err: error.message, code: (error as { code?: string }).code }, 'unhandled listener error');
  });
  // Set on deps (not a copy of it): listeners read deps when they run, and tests swap parts of it.
  const homes = startAppHomeRefresher(app.client, deps);
  deps.homes = homes;
  registerListeners(app, deps);

  let server: Server | undefined;
  return {
    app,
    mode: settings.appToken ? 'socket' : 'http',
    inFlight: () => running.size,
    async start() {
      if (httpReceiver) {
        server = (await httpReceiver.start(
          settings.host ? { port: settings.port, host: settings.host } : settings.port,
        )) as Server;
        traceHttpRequests(server, deps.log);
        const address = server.address();
        return { port: typeof address === 'object' && address ? address.port : settings.port };
      }
      try {
        await app.start();
      } catch (error) {
        // The receiver's /healthz server is already listening: close it, or a refused app
        // token leaves a process that reported the failure but never exits.
        await app.stop().catch(() => {});
        throw error;
      }
      return { port: settings.port };
    },
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      const until = performance.now() + graceMs;
      const closing = app.stop();
      // Idle keep-alive connections would hold close() open; busy ones finish their response.
      server?.closeIdleConnections();
      await closing;
      if (running.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), graceMs);
        });
        const outcome = await Promise.race([Promise.allSettled([...running]).then(() => 'done' as const), timeout]);
        clearTimeout(timer);
        if (outcome === 'timeout')
          deps.log.warn({ unfinished: running.size }, 'shutdown: gave up waiting for in-flight work');
      }
      // After the listeners (they request refreshes): waiting Homes are dropped, running ones finish.
      // Short grace, within the caller's: a Home is rebuilt next time anyway, and the pool and the
      // database close after this.
      await homes.stop(Math.max(0, Math.min(2000, until - performance.now())));
    },
  };
}
