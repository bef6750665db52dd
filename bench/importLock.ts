// How long `reform-bot import` holds the database's write lock (README "Running in production": a CLI command may hold
// it at most CLI_WRITE_LOCK_BUDGET_MS, src/db/busy.ts). The import runs as its own process, as
// an office runs it; this process probes the lock from outside every millisecond or so (BEGIN
// IMMEDIATE with no wait, then ROLLBACK) and reports the longest unbroken stretch it found the
// lock taken: what a bot's write would have had to wait. Measured for 250,000 new items on a
// fresh database, then for a re-import of the same file (every item unchanged).
//
//   node --import tsx bench/importLock.ts [plans] [itemsPerPlan]     (default 10,000 × 25)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CLI_WRITE_LOCK_BUDGET_MS } from '../src/db/busy.ts';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { writeBenchCsv } from './import.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface LockFigures {
  /** The longest unbroken stretch the write lock was taken. */
  longestHeldMs: number;
  /** All the time the probe found it taken. */
  totalHeldMs: number;
  importMs: number;
  /** What the import itself reports (its 'import held the write lock' line): wall and CPU time. */
  reported?: { wallMs: number; cpuMs: number };
  exitCode: number | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `reform-bot import <file>` on `database` while probing its write lock. */
export async function importHoldingLock(file: string, database: string): Promise<LockFigures> {
  const probe = new Database(database);
  probe.pragma('busy_timeout = 0');
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/reform-bot-source.js'), 'import', file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: database, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));
  let heldSince: number | undefined;
  let longestHeldMs = 0;
  let totalHeldMs = 0;
  while (exitCode === undefined) {
    const at = performance.now();
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      if (heldSince !== undefined) {
        longestHeldMs = Math.max(longestHeldMs, at - heldSince);
        heldSince = undefined;
      }
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') !== true) throw error;
      if (heldSince === undefined) heldSince = at;
      totalHeldMs += 1;
    }
    await pause(1);
  }
  const importMs = performance.now() - started;
  probe.close();
  const line = stderr.split('\n').find((l) => l.includes('import held the write lock'));
  const reported = line ? (JSON.parse(line) as { wallMs: number; cpuMs: number }) : undefined;
  if (exitCode !== 0) process.stderr.write(stderr);
  return {
    longestHeldMs,
    totalHeldMs,
    importMs,
    exitCode,
    ...(reported ? { reported: { wallMs: reported.wallMs, cpuMs: reported.cpuMs } } : {}),
  };
}

async function main(): Promise<void> {
  const plans = Number(process.argv[2] ?? 10_000);
  const itemsPerPlan = Number(process.argv[3] ?? 25);
  const dir = mkdtempSync(join(tmpdir(), 'reform-import-lock-'));
  try {
    const csv = join(dir, 'ledger.csv');
    const database = join(dir, 'bench.db');
    await writeBenchCsv(csv, plans, itemsPerPlan);
    closeDatabase(openDatabase(database)); // created and migrated, as a running bot would have it
    const items = (plans * itemsPerPlan).toLocaleString('en');
    const line = (label: string, f: LockFigures) =>
      `${label}: write lock held at most ${(f.longestHeldMs / 1000).toFixed(2)} s seen from outside` +
      (f.reported
        ? `, ${(f.reported.wallMs / 1000).toFixed(2)} s (CPU ${(f.reported.cpuMs / 1000).toFixed(2)} s) by the import's own count`
        : '') +
      ` (budget ${CLI_WRITE_LOCK_BUDGET_MS / 1000} s); whole import ${(f.importMs / 1000).toFixed(2)} s; load ${loadavg()[0]?.toFixed(1)}; exit ${f.exitCode}`;
    process.stdout.write(`${line(`${items} new items`, await importHoldingLock(csv, database))}\n`);
    process.stdout.write(`${line(`re-import of the same ${items}`, await importHoldingLock(csv, database))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
