// Builds the Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT with
// /slack/events (signatures checked) and GET /healthz.
import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { boltLogger } from './boltLogger.ts';
import type { SlackDeps } from './deps.ts';
import { healthRoute } from './health.ts';
import { registerListeners } from './listeners/index.ts';

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
}

export interface SlackRuntime {
  app: App;
  mode: 'socket' | 'http';
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Fail fast instead of retrying for half an hour: listeners answer people who are waiting. */
export const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };

export function createSlackApp(deps: SlackDeps, settings: SlackSettings): SlackRuntime {
  const logger = boltLogger(deps.log);
  const clientOptions = { slackApiUrl: settings.apiUrl, retryConfig: INTERACTIVE_RETRY };
  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (settings.appToken) {
    receiver = new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } } as never);
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
  const app = new App({ token: settings.botToken, receiver, logger, clientOptions });
  registerListeners(app, deps);

  let server: Server | undefined;
  return {
    app,
    mode: settings.appToken ? 'socket' : 'http',
    async start() {
      if (httpReceiver) {
        server = (await httpReceiver.start(settings.port)) as Server;
        const address = server.address();
        return { port: typeof address === 'object' && address ? address.port : settings.port };
      }
      await app.start();
      return {};
    },
    async stop() {
      await app.stop();
    },
  };
}
