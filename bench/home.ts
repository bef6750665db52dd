// App Home refresh after clicks at national scale: 20 status changes arriving
// at 10 a second on a 250,000-item ledger, each concerning about eight people, measured three
// ways in the same run:
//   - baseline: the refresh as it was (bench/lib/legacyHomeRefresh.ts), every concerned Home
//     rebuilt and published on the main thread after every click;
//   - coalesced on the main thread (READ_WORKERS=0): refreshHomesLater + the refresher;
//   - coalesced, built in one read worker (READ_WORKERS=1, the default).
// Figures: main-thread busy time per click (event-loop utilisation, the click's own write
// included), the longest event-loop stall, how late the last click was started (what a waiting
// acknowledgement would feel), and the number of views.publish calls. Slack is a stub that
// answers at once, so only the bot's own work is counted.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { webApi } from '@slack/bolt';
import { parseConfig } from '../src/config.ts';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { WEEKENDS_ONLY } from '../src/domain/workdays.ts';
import { createLogger } from '../src/log.ts';
import type { SlackDeps } from '../src/slack/deps.ts';
import { refreshHomesLater, startAppHomeRefresher } from '../src/slack/homeRefresh.ts';
import { startReadPool } from '../src/slack/readWorkers/readPool.ts';
import { peopleConcernedBy } from '../src/store/home.ts';
import { changeItem } from '../src/store/items.ts';
import { legacyRefreshHomes } from './lib/legacyHomeRefresh.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import type { BenchRow } from './lib/table.ts';

const CLICKS = 20;
const CLICK_INTERVAL_MS = 100;
const NOW = new Date('2026-11-27T02:00:00Z');
type Mode = 'baseline' | 'main' | 'worker';

interface Figures {
  busyMsPerClick: number;
  longestStallMs: number;
  lastClickLateMs: number;
  publishes: number;
}

/** Items of group 1's plans (lead group = plan % 9 + 1), not done: the leader marks them done. */
function clickTargets(path: string): number[] {
  const db = openDatabase(path);
  const ids = db.$client
    .prepare(
      "select i.id from items i join plans p on p.id = i.plan_id where p.lead_group_id = 1 and i.status <> 'done' order by i.id limit ?",
    )
    .all(CLICKS) as { id: number }[];
  closeDatabase(db);
  return ids.map((r) => r.id);
}

/** The longest gap between ticks of a 10 ms interval: how long the loop was held at once. */
function watchStalls(): { stop(): number } {
  let lastTick = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - lastTick - 10);
    lastTick = now;
  }, 10);
  return {
    stop() {
      clearInterval(ticker);
      return longest;
    },
  };
}

/** The same watch with nothing running: what the machine itself adds (other processes, 2 cores). */
async function idleStallMs(ms: number): Promise<number> {
  const stalls = watchStalls();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return stalls.stop();
}

async function run(mode: Mode, path: string, targets: number[]): Promise<Figures> {
  const config = parseConfig({ DATABASE_PATH: path, LOG_LEVEL: 'warn' });
  const log = createLogger({ level: 'warn' });
  const db = openDatabase(path);
  const readWorkers =
    mode === 'worker' ? startReadPool({ size: 1, data: { config, calendar: WEEKENDS_ONLY }, log }) : undefined;
  while (readWorkers && readWorkers.available() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const deps: SlackDeps = { config, db, log, calendar: WEEKENDS_ONLY, now: () => NOW, readWorkers };
  let publishes = 0;
  // Answers on the next turn of the loop, as a network answer would (never inside the same task).
  const answer = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));
  const client = {
    users: { info: () => answer({ ok: true, user: { locale: 'zh-CN' } }) },
    views: {
      publish: () => {
        publishes++;
        return answer({ ok: true });
      },
    },
  } as unknown as webApi.WebClient;
  const homes = startAppHomeRefresher(client, deps);
  deps.homes = homes;

  const listeners: Promise<void>[] = [];
  let lastClickLateMs = 0;
  const stalls = watchStalls();
  const startedAt = performance.now();
  const elu = performance.eventLoopUtilization();
  await new Promise<void>((resolve) => {
    targets.forEach((itemId, n) => {
      const due = startedAt + n * CLICK_INTERVAL_MS;
      setTimeout(() => {
        if (n === targets.length - 1) lastClickLateMs = performance.now() - due;
        // What the click's listener does on the main thread: the write, whose Homes, the refresh.
        changeItem(db, {
          itemId,
          status: 'done',
          note: 'bench',
          actor: 'U0L1',
          source: 'slack',
          at: NOW,
          requestKey: `bench:${mode}:${n}`,
        });
        const people = ['U0L1', ...peopleConcernedBy(db, itemId)];
        if (mode === 'baseline') listeners.push(legacyRefreshHomes(client, deps, people));
        else refreshHomesLater(deps, people);
        if (n === targets.length - 1) resolve();
      }, n * CLICK_INTERVAL_MS);
    });
  });
  await Promise.all(listeners);
  await homes.flush();
  // Let the ticker run once more: a stall that ended the run is measured too.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const used = performance.eventLoopUtilization(elu);
  const longestStallMs = stalls.stop();
  await homes.stop();
  await readWorkers?.close();
  closeDatabase(db);
  return { busyMsPerClick: used.active / targets.length, longestStallMs, lastClickLateMs, publishes };
}

export async function benchHome(dir: string): Promise<BenchRow[]> {
  const source = join(dir, 'home-250k.db');
  writeSyntheticLedger(source, { plans: 10_000, items: 250_000, around: '2026-11-27' });
  const targets = clickTargets(source);
  const labels: Record<Mode, string> = {
    baseline: 'baseline (refresh per click, main thread)',
    main: 'coalesced, main thread (READ_WORKERS=0)',
    worker: 'coalesced, built in a worker',
  };
  const rows: BenchRow[] = [];
  const figures = new Map<Mode, Figures>();
  for (const mode of ['baseline', 'main', 'worker'] as const) {
    // Each mode on its own copy: the same items go from not done to done in each.
    const path = join(dir, `home-250k-${mode}.db`);
    copyFileSync(source, path);
    const f = await run(mode, path, targets);
    figures.set(mode, f);
    const target = mode === 'worker' ? '< 50 ms' : '';
    rows.push({
      section: 'home',
      measure: `250k items, ${CLICKS} clicks at 10/s: main-thread busy per click, ${labels[mode]}`,
      figure: `${f.busyMsPerClick.toFixed(1)} ms`,
      target,
      met: mode === 'worker' ? f.busyMsPerClick < 50 : null,
    });
    rows.push({
      section: 'home',
      measure: `  longest event-loop stall / last click started late by / views.publish calls`,
      figure: `${f.longestStallMs.toFixed(0)} ms / ${f.lastClickLateMs.toFixed(0)} ms / ${f.publishes}`,
      target: mode === 'worker' ? '< 200 ms stall' : '',
      met: mode === 'worker' ? f.longestStallMs < 200 : null,
    });
  }
  rows.push({
    section: 'home',
    measure: '  control: longest stall of the same watch with nothing running (3 s)',
    figure: `${(await idleStallMs(3000)).toFixed(0)} ms`,
    target: '',
    met: null,
  });
  const base = figures.get('baseline') as Figures;
  const worker = figures.get('worker') as Figures;
  rows.push({
    section: 'home',
    measure: 'main-thread cost per click: baseline / worker',
    figure: `${(base.busyMsPerClick / worker.busyMsPerClick).toFixed(0)}×`,
    target: '',
    met: null,
  });
  return rows;
}
