// The contention run (contention/run.ts) as rows of `npm run bench`'s table. By default the bench
// runs the full form (250,000 items, 20 clicks and 50 commands a second, the CLI importing,
// exporting, backing up and importing again); BENCH_CONTENTION_ARGS replaces its flags, e.g.
// `--short` for the 20,000-item form CI runs, or `--seconds=30 --items=100000`.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { ContentionSummary } from '../contention/report.ts';
import { summaryRows } from '../contention/report.ts';
import type { BenchRow } from './lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..');

export async function benchContention(): Promise<BenchRow[]> {
  const args = (process.env.BENCH_CONTENTION_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
  const stdout = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'contention/run.ts', ...args, '--json'], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += String(c)));
    child.on('exit', (code) =>
      code === 0 || code === 1 ? done(out) : fail(new Error(`contention run exited ${code}`)),
    );
  });
  const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ContentionSummary;
  const section = `contention (${summary.form})`;
  return summaryRows(summary).map((row) => ({ section, ...row }));
}
