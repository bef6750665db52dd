// The bot as a child process: `reform-bot start`, exactly as production runs it, with its logs
// appended to one file. Killed with SIGKILL (no chance to clean up) or stopped with SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../bin/reform-bot.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotChild {
  readonly pid: number;
  readonly startedAt: number;
  /** Resolves when the process has exited (whatever the reason). */
  readonly exited: Promise<Exit>;
  /** True until the process exited. */
  alive(): boolean;
  /** SIGKILL now; resolves when the process is gone. */
  kill(): Promise<Exit>;
  /** SIGTERM (a clean stop), then SIGKILL after `graceMs`. */
  stop(graceMs: number): Promise<Exit & { forced: boolean }>;
}

export function startBotChild(env: Record<string, string>, cwd: string, logPath: string, label: string): BotChild {
  const log = openSync(logPath, 'a');
  writeSync(log, `\n===== ${label} ${new Date().toISOString()} =====\n`);
  // Only what the bot needs: no NODE_OPTIONS or other variables of the caller leak in.
  const child: ChildProcess = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let done = false;
  const exited = new Promise<Exit>((resolvePromise) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolvePromise({ code, signal });
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the bot');
  return {
    pid,
    startedAt: Date.now(),
    exited,
    alive: () => !done,
    kill() {
      if (!done) child.kill('SIGKILL');
      return exited;
    },
    async stop(graceMs) {
      if (done) return { ...(await exited), forced: false };
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => {
        timer = setTimeout(() => r('late'), graceMs);
      });
      const first = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (first !== 'late') return { ...first, forced: false };
      child.kill('SIGKILL');
      return { ...(await exited), forced: true };
    },
  };
}
