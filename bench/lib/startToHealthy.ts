// How long `reform-bot start` takes from spawn to its first `GET /healthz` 200: the bot's start-up
// to healthy, as a process (the database opened and migrated, the lease taken, Slack's auth.test
// answered by the local stand-in, the HTTP receiver listening). Stopped with SIGTERM afterwards,
// which releases the lease for the next run.
import { spawn } from 'node:child_process';
import { cpuSecondsOf, freePort } from './server.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function healthOf(port: number): Promise<{ status: number; outboxPending?: number }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    const body = (await response.json()) as { outboxPending?: number };
    return { status: response.status, outboxPending: body.outboxPending };
  } catch {
    return { status: 0 };
  }
}

/** Until /healthz reports nothing left to send (the catch-up's messages delivered). */
async function outboxEmptied(port: number, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while ((await healthOf(port)).outboxPending !== 0) {
    if (performance.now() > until) throw new Error(`outbox not emptied within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** From spawn to the first 200 from /healthz (polled every 5 ms): wall time and the process's CPU time by then. */
export async function startToHealthy(
  bin: string,
  env: Record<string, string>,
  cwd: string,
  options: { timeoutMs?: number; waitForEmptyOutbox?: boolean } = {},
): Promise<{ ms: number; cpuMs: number }> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${bin} start exited ${child.exitCode}: ${stderr.slice(-2000)}`);
      const health = await healthOf(port);
      if (health.status === 200) {
        const timing = { ms: performance.now() - started, cpuMs: (cpuSecondsOf(child.pid) ?? Number.NaN) * 1000 };
        if (options.waitForEmptyOutbox) await outboxEmptied(port, timeoutMs);
        return timing;
      }
      if (performance.now() - started > timeoutMs) throw new Error(`${bin} start not healthy in ${timeoutMs} ms`);
      await sleep(5);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
