// Runs a command as its own process and reports wall time and peak memory (max RSS), read by a
// preload that writes process.resourceUsage() when the child exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessFigures {
  ms: number;
  maxRssMb: number;
  stdout: string;
}

const PRELOAD = `process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RUSAGE_FILE, String(process.resourceUsage().maxRSS)));`;

export function measureNodeProcess(args: string[], env: Record<string, string | undefined>): ProcessFigures {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rusage-'));
  const preload = join(dir, 'preload.cjs');
  const rusage = join(dir, 'rusage');
  writeFileSync(preload, PRELOAD);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, ...args], {
    env: { ...process.env, ...env, BENCH_RUSAGE_FILE: rusage },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const maxRssKb = Number(readFileSync(rusage, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { ms, maxRssMb: maxRssKb / 1024, stdout: result.stdout };
}

/** Median of several runs (first run warms the OS file cache). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
