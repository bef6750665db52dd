// Runs a command as its own process and reports wall time, CPU time and peak memory (max RSS),
// read by a preload that writes process.resourceUsage() when the child exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessFigures {
  ms: number;
  /** User + system CPU time of the process, all its threads (GC helpers included). */
  cpuMs: number;
  maxRssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const PRELOAD = `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_RUSAGE_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });`;

/**
 * `args` follow `node`. Throws when the process fails, unless `allowFailure` (then `status`
 * tells; the figures are still those of the process).
 */
export function measureNodeProcess(
  args: string[],
  env: Record<string, string | undefined>,
  options: { allowFailure?: boolean; cwd?: string } = {},
): ProcessFigures {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rusage-'));
  const preload = join(dir, 'preload.cjs');
  const rusage = join(dir, 'rusage');
  writeFileSync(preload, PRELOAD);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, ...args], {
    env: { ...process.env, ...env, BENCH_RUSAGE_FILE: rusage },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    cwd: options.cwd,
  });
  const ms = performance.now() - started;
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const usage = JSON.parse(readFileSync(rusage, 'utf8')) as { maxRSS: number; cpu: number };
  rmSync(dir, { recursive: true, force: true });
  return {
    ms,
    cpuMs: usage.cpu / 1000,
    maxRssMb: usage.maxRSS / 1024,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Median of several runs (first run warms the OS file cache). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
