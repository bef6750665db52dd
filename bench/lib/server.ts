// A server under test in its own process: started on a free loopback port with its output in a
// log file, ready once it answers HTTP, stopped with SIGTERM (so `--cpu-prof` can write its
// profile) and SIGKILL if it hangs.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ServerProcess {
  baseUrl: string;
  port: number;
  logFile: string;
  /** CPU seconds (user + system) the process has used so far; undefined where /proc is missing. */
  cpuSeconds(): number | undefined;
  /** The same for the main thread alone (the one that acknowledges requests). */
  mainThreadCpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number | undefined, thread?: number): number | undefined {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(
  args: string[],
  env: Record<string, string>,
  logFile: string,
  readyTimeoutMs = 30_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${args.join(' ')} exited ${child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    // Any HTTP answer means it listens (the bare app has no /healthz and says 404).
    const up = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer on ${baseUrl} within ${readyTimeoutMs} ms`);
    }
    await sleep(100);
  }
  return {
    baseUrl,
    port,
    logFile,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    // A process's main thread has the process's id.
    mainThreadCpuSeconds: () => cpuSecondsOf(child.pid, child.pid),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
