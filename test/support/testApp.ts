// Start a real Bolt App behind the real HTTPReceiver on a free loopback port, wired to the
// Slack stand-in. For an app built by src's own factory, use `startOnFreePort(app)` only.
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import type { StandIn } from './slackStandIn.ts';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from './workspace.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

/** A Bolt Logger that keeps entries in memory (and prints nothing), so tests can assert on them. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  private level: LogLevel = LogLevel.DEBUG;
  private push(level: LogEntry['level'], msg: unknown[]): void {
    this.entries.push({
      level,
      message: msg
        .map((m) => (m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m)))
        .join(' '),
    });
  }
  debug = (...msg: unknown[]) => this.push('debug', msg);
  info = (...msg: unknown[]) => this.push('info', msg);
  warn = (...msg: unknown[]) => this.push('warn', msg);
  error = (...msg: unknown[]) => this.push('error', msg);
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}
  at(level: LogEntry['level']): string[] {
    return this.entries.filter((e) => e.level === level).map((e) => e.message);
  }
}

export interface TestAppOptions {
  signingSecret?: string;
  logger?: Logger;
  /** Merged over the defaults below (e.g. `{ botId: undefined }` to make Bolt call auth.test). */
  app?: Partial<AppOptions>;
}

export interface TestApp {
  app: App;
  receiver: HTTPReceiver;
  logger: Logger;
  signingSecret: string;
}

/**
 * An App as the harness expects it: HTTPReceiver on `/slack/events`, the stand-in as Web API,
 * no client retries (a failing call fails at once), and botId/botUserId given so Bolt never
 * needs auth.test.
 */
export function createTestApp(standIn: StandIn, options: TestAppOptions = {}): TestApp {
  const signingSecret = options.signingSecret ?? SIGNING_SECRET;
  const logger = options.logger ?? new MemoryLogger();
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events', logger });
  const app = new App({
    receiver,
    token: BOT_TOKEN,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    logger,
    clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    ...options.app,
  });
  return { app, receiver, logger, signingSecret };
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>`: pass to postSlashCommand / postInteraction / postEvent. */
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** `app.start({ port: 0, host: '127.0.0.1' })` resolves to the http.Server; its address has the port. */
export async function startOnFreePort(app: App): Promise<RunningApp> {
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      const stopped = app.stop();
      server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      await stopped;
    },
  };
}
