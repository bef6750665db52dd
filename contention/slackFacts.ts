// What the contention run's Slack stand-in (slackChild.ts) saw, and how the run starts and asks it.
import { type ChildProcess, fork } from 'node:child_process';

export interface ResponsePost {
  /** The id in the response_url: which request this answers. */
  id: string;
  text: string;
  at: number;
}

export interface PostedMessage {
  method: string;
  channel: string;
  /** chat.postEphemeral's recipient. */
  user?: string;
  text: string;
  /** The outbox idempotency key from the message metadata, for outbox messages. */
  key?: string;
  at: number;
}

export interface SlackFacts {
  responses: ResponsePost[];
  messages: PostedMessage[];
  /** Calls per Web API method (`response_url` for response_url posts). */
  methods: Record<string, number>;
}

export interface SlackProcess {
  url: string;
  responseUrl(id: string): string;
  facts(): Promise<SlackFacts>;
  stop(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && key in message) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`the Slack stand-in exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startSlackProcess(): Promise<SlackProcess> {
  const child = fork(new URL('./slackChild.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const { origin, url } = await nextMessage<{ origin: string; url: string }>(child, 'origin');
  return {
    url,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    async facts() {
      const reply = nextMessage<{ facts: SlackFacts }>(child, 'facts');
      child.send('facts');
      return (await reply).facts;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await gone;
    },
  };
}
