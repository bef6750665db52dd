// How long `reform-bot start` takes from spawn to its first `GET /healthz` 200: the bot's start-up
// to healthy, as a process (the database opened and migrated, the lease taken, Slack's auth.test
// answered by the local stand-in, the HTTP receiver listening). Stopped with SIGTERM afterwards,
// which releases the lease for the next run.
import { spawn } from 'node:child_process';
import { cpuSecondsOf, freePort } from './server.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** From spawn to the first 200 from /healthz (polled every 5 ms): wall time and the process's CPU time by then. */
export async function startToHealthy(
  bin: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 30_000,
): Promise<{ ms: number; cpuMs: number }> {
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
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      if (status === 200)
        return { ms: performance.now() - started, cpuMs: (cpuSecondsOf(child.pid) ?? Number.NaN) * 1000 };
      if (performance.now() - started > timeoutMs) throw new Error(`${bin} start not healthy in ${timeoutMs} ms`);
      await sleep(5);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
