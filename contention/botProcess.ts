// The bot of a contention run: `reform-bot start` as production runs it, on a free loopback port
// (bench's helpers), with a stop that reports how long the bot took to exit after SIGTERM and
// whether it had to be killed - a stop under load is part of what the run watches.
import { freePort } from '../bench/lib/server.ts';
import { type BotChild, startBotChild } from '../chaos/child.ts';

export interface BotProcess {
  baseUrl: string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs: number): Promise<{ ms: number; forced: boolean; code: number | null }>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startBot(
  env: Record<string, string>,
  cwd: string,
  logPath: string,
  readyMs: number,
): Promise<BotProcess> {
  const port = await freePort();
  const child: BotChild = startBotChild({ ...env, PORT: String(port) }, cwd, logPath, 'contention bot');
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (!child.alive()) throw new Error(`the bot exited at start-up (see ${logPath})`);
    const up = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await child.kill();
      throw new Error(`the bot did not answer on ${baseUrl} within ${readyMs} ms (see ${logPath})`);
    }
    await sleep(100);
  }
  return {
    baseUrl,
    async stop(graceMs) {
      const started = performance.now();
      const exit = await child.stop(graceMs);
      return { ms: performance.now() - started, forced: exit.forced, code: exit.code };
    },
  };
}
