// The office's side of a contention run, in another process while the bot takes the load: import
// this week's ledger, export it, take a backup, import the export again - one `reform-bot`
// command after the other, as an admin would type them. Each step's exit code and time are kept:
// a command that fails because the bot holds the database is a finding, not a harness error.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../bin/reform-bot.js');

export interface CliStep {
  args: string[];
  code: number | null;
  /** Wall-clock epoch ms. */
  startedAt: number;
  ms: number;
  /** The end of its error output, when it failed. */
  errorTail?: string;
}

export interface CliFiles {
  database: string;
  week2: string;
  exported: string;
  backup: string;
}

function cliSteps(files: CliFiles): string[][] {
  return [
    ['import', files.week2, '--json'],
    ['export', files.exported],
    ['backup', files.backup],
    ['import', files.exported, '--json'],
  ];
}

function runStep(args: string[], env: Record<string, string>, cwd: string): Promise<CliStep> {
  const startedAt = Date.now();
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + String(c)).slice(-2000);
    });
    child.on('exit', (code) => {
      const step: CliStep = { args, code, startedAt, ms: performance.now() - t0 };
      if (code !== 0) step.errorTail = stderr.slice(-600);
      done(step);
    });
  });
}

/** Runs the steps one after the other (all of them, even after a failure). */
export async function runCliSequence(
  files: CliFiles,
  cwd: string,
  onStep: (step: CliStep) => void,
): Promise<CliStep[]> {
  const env = { DATABASE_PATH: files.database, LOG_LEVEL: 'warn' };
  const steps: CliStep[] = [];
  for (const args of cliSteps(files)) {
    const step = await runStep(args, env, cwd);
    steps.push(step);
    onStep(step);
  }
  return steps;
}
