// Housekeeping on a year of history: how long the pruning takes in all, and the longest single
// step (one window's transaction, or one incremental_vacuum step): that is the longest the bot's
// event loop and every other writer wait for it. Then how much the file shrank.
//
//   node --import tsx bench/housekeeping.ts          # BENCH_HK_ROWS (default 200000) old rows
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { outboxPruneBefore, retentionHorizon } from '../src/jobs/housekeeping.ts';
import { sweep } from '../src/jobs/housekeepingSweep.ts';

const OLD_ROWS = Number(process.env.BENCH_HK_ROWS ?? 200_000);
const YOUNG_ROWS = Math.round(OLD_ROWS / 10);
const NOW = new Date('2026-12-04T19:30:00Z');
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'reform-bench-hk-'));
const path = join(dir, 'hk.db');
const db = openDatabase(path);
const sqlite = db.$client;
const insert = sqlite.prepare(
  `insert into outbox (idempotency_key, kind, target, payload, state, next_attempt_at, created_at, sent_at) values (?, ?, ?, ?, 'sent', ?, ?, ?)`,
);
const runs = sqlite.prepare(
  `insert into job_runs (job, scheduled_for, started_at, finished_at, queued) values ('followups', ?, ?, ?, 0)`,
);
// A reminder is a few hundred bytes of blocks; one digest reply in fifty is about 20 KB.
const small = JSON.stringify({
  text: 'reminder',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '事项'.repeat(200) } }],
});
const large = JSON.stringify({
  text: 'digest',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '督察'.repeat(10_000) } }],
});
sqlite.transaction(() => {
  const total = OLD_ROWS + YOUNG_ROWS;
  for (let i = 0; i < total; i++) {
    // Spread over 400 days back to now, oldest first (ids grow with time).
    const at = new Date(NOW.getTime() - 400 * DAY + Math.floor((i / total) * 400 * DAY)).toISOString();
    const day = at.slice(0, 10);
    insert.run(
      `reminder:U${i}:items:${day}`,
      i % 50 === 0 ? 'digest' : 'reminder',
      `U${i % 500}`,
      i % 50 === 0 ? large : small,
      at,
      at,
      at,
    );
    if (i % 4 === 0) runs.run(at, at, at);
  }
})();
sqlite.pragma('wal_checkpoint(TRUNCATE)');
const sizeBefore = statSync(path).size;

const horizon = retentionHorizon(NOW, 180);
const steps: number[] = [];
const windowSteps: number[] = [];
const vacuumSteps: number[] = [];
let lastPages: unknown = sqlite.pragma('page_count', { simple: true });
let stepStarted = performance.now();
const started = performance.now();
const report = await sweep(db, {
  outboxBefore: outboxPruneBefore(horizon),
  jobRunsBefore: horizon,
  signal: new AbortController().signal,
  ...(process.env.BENCH_HK_WINDOW ? { windowIds: Number(process.env.BENCH_HK_WINDOW) } : {}),
  ...(process.env.BENCH_HK_PAGES ? { vacuumPages: Number(process.env.BENCH_HK_PAGES) } : {}),
  pause: async () => {
    steps.push(performance.now() - stepStarted);
    // incremental_vacuum shrinks the file (page_count); deleting a window only frees pages in it.
    const pages = sqlite.pragma('page_count', { simple: true });
    (pages === lastPages ? windowSteps : vacuumSteps).push(steps.at(-1) as number);
    lastPages = pages;
    await new Promise<void>((resolve) => setImmediate(resolve));
    stepStarted = performance.now();
  },
});
const totalMs = performance.now() - started;
sqlite.pragma('wal_checkpoint(TRUNCATE)');
const sizeAfter = statSync(path).size;
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });

steps.sort((a, b) => a - b);
const longest = (xs: number[]) => Math.max(0, ...xs).toFixed(1);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
console.log(
  `rows: ${OLD_ROWS + YOUNG_ROWS} outbox (${report.outboxPruned} pruned), job runs pruned ${report.jobRunsPruned}`,
);
console.log(
  `sweep: ${(totalMs / 1000).toFixed(1)} s in ${steps.length} steps; step p50 ${steps[Math.floor(steps.length / 2)]?.toFixed(1)} ms, p99 ${steps[Math.floor(steps.length * 0.99)]?.toFixed(1)} ms, longest ${steps.at(-1)?.toFixed(1)} ms`,
);
console.log(
  `longest window step ${longest(windowSteps)} ms (${windowSteps.length}), longest vacuum step ${longest(vacuumSteps)} ms (${vacuumSteps.length})`,
);
console.log(
  `file: ${mb(sizeBefore)} → ${mb(sizeAfter)} (${report.pagesFreed} pages returned, ${report.freePages} free left)`,
);
