// Starts standInChild.ts as a child process and asks it how many calls it received.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface StandInProcess {
  origin: string;
  url: string;
  responseUrl(id: string): string;
  /** Calls per method; `response_url` only those for ids starting with `responsePrefix`. */
  counts(responsePrefix?: string): Promise<Record<string, number>>;
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
    const onExit = (code: number | null) => reject(new Error(`stand-in exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startStandInProcess(): Promise<StandInProcess> {
  const child = fork(fileURLToPath(new URL('./standInChild.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const { origin, url } = await nextMessage<{ origin: string; url: string }>(child, 'origin');
  return {
    origin,
    url,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    async counts(responsePrefix = '') {
      const reply = nextMessage<{ counts: Record<string, number> }>(child, 'counts');
      child.send({ counts: responsePrefix });
      return (await reply).counts;
    },
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await gone;
    },
  };
}
