// `node bin/reform-bot.js <command>` as a real child process with a clean environment, its output
// collected, for tests about several processes on one database (the lease).
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/reform-bot.js');

export interface ProcessRun {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runReformBot(args: string[], cwd: string, env: Record<string, string>): ProcessRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (c: Buffer) => stdout.push(String(c)));
  child.stderr?.on('data', (c: Buffer) => stderr.push(String(c)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout, stderr, exit };
}

/** Runs a command to its end: exit code and everything it printed. */
export async function runToEnd(args: string[], cwd: string, env: Record<string, string>) {
  const run = runReformBot(args, cwd, env);
  const { code } = await run.exit;
  return { code, out: run.stdout.join(''), err: run.stderr.join('') };
}

export async function waitForOutput(lines: string[], pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = pattern.exec(lines.join(''));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${pattern} in: ${lines.join('')}`);
}
