// Start-up of the installed command, as processes on this machine: `reform-bot --help`, `stats` on
// the demo office's ledger (examples/, 717 items) and `start` to a healthy /healthz (Slack's
// auth.test answered at once by the local stand-in). Each is measured on the build (dist/, what
// `npm start` and the bin run; rebuilt first so it is the code as it is now) and on the source
// through tsx (what ran before the build existed), with bare `node -e 0` as the floor; medians of
// BENCH_STARTUP_RUNS runs (default 7), the three forms interleaved so a load change hits them alike.
// Each figure is wall time and the process's CPU time (user + system, all threads): on a machine
// other processes load, the wall time grows with the load and the CPU time hardly does.
//   node --import tsx bench/startup.ts            (or: npm run bench startup)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNodeProcess, median } from './lib/measure.ts';
import { startStandInProcess } from './lib/standInProcess.ts';
import { startToHealthy } from './lib/startToHealthy.ts';
import type { BenchRow } from './lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT = join(ROOT, 'bin/reform-bot.js');
const SOURCE = join(ROOT, 'bin/reform-bot-source.js');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const TARGETS = { help: 300, stats: 500, healthy: 1000 };

function runOrThrow(args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
}

/** The demo office (README "Try it with the demo office"): its org, then its ledger. */
function seedDemoOffice(database: string): void {
  const env = { DATABASE_PATH: database, LOG_LEVEL: 'warn' };
  runOrThrow([SOURCE, 'import-org', 'examples/demo-org.yml'], env);
  runOrThrow([SOURCE, 'import', 'examples/demo-ledger.csv'], env);
}

interface Timing {
  ms: number;
  cpuMs: number;
}

const timeProcess = (args: string[], env: Record<string, string> = {}): Timing => {
  const { ms, cpuMs } = measureNodeProcess(args, env, { cwd: ROOT });
  return { ms, cpuMs };
};

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** `412 ms (CPU 180 ms)`: medians of each. */
const figure = (runs: Timing[]) => `${ms(median(runs.map((r) => r.ms)))} (CPU ${ms(median(runs.map((r) => r.cpuMs)))})`;

export async function benchStartup(dir: string): Promise<BenchRow[]> {
  runOrThrow(['esbuild.config.mjs'], {});
  const folder = join(dir, 'startup');
  mkdirSync(folder, { recursive: true });
  const seed = join(folder, 'demo.db');
  seedDemoOffice(seed);
  const statsEnv = { DATABASE_PATH: seed, LOG_LEVEL: 'warn' };
  const standIn = await startStandInProcess();
  const botEnv = (database: string) => ({
    DATABASE_PATH: database,
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: standIn.url,
  });
  // A restart, as systemd does it: the bot ran on this database before, so its catch-up finds
  // the last day's slots done and its outbox empty. (A first start on a fresh ledger also sends
  // that day's reminders, which is delivery, not start-up.)
  const ran = join(folder, 'ran.db');
  copyFileSync(seed, ran);
  const bare: Timing[] = [];
  const help = { built: [] as Timing[], source: [] as Timing[] };
  const stats = { built: [] as Timing[], source: [] as Timing[] };
  const healthy = { built: [] as Timing[], source: [] as Timing[] };
  try {
    await startToHealthy(BUILT, botEnv(ran), folder, { timeoutMs: 120_000, waitForEmptyOutbox: true });
    for (let run = 0; run < RUNS; run++) {
      bare.push(timeProcess(['-e', '0']));
      for (const [form, bin] of [
        ['built', BUILT],
        ['source', SOURCE],
      ] as const) {
        help[form].push(timeProcess([bin, '--help']));
        stats[form].push(timeProcess([bin, 'stats'], statsEnv));
        // Its own copy each time: the bot's start-up writes (lease, health probe).
        const database = join(folder, `bot-${form}-${run}.db`);
        copyFileSync(ran, database);
        healthy[form].push(await startToHealthy(bin, botEnv(database), folder));
      }
    }
  } finally {
    await standIn.stop();
  }
  const bareMs = median(bare.map((r) => r.ms));
  const rows: BenchRow[] = [
    {
      section: 'startup',
      measure: `bare \`node -e 0\` (medians of ${RUNS})`,
      figure: figure(bare),
      target: '',
      met: null,
    },
  ];
  const measures = [
    { name: '`reform-bot --help`', runs: help, target: TARGETS.help },
    { name: '`reform-bot stats`, 717 items', runs: stats, target: TARGETS.stats },
    { name: '`reform-bot start` to /healthz 200', runs: healthy, target: TARGETS.healthy },
  ];
  for (const { name, runs, target } of measures) {
    const built = median(runs.built.map((r) => r.ms));
    const source = median(runs.source.map((r) => r.ms));
    rows.push(
      {
        section: 'startup',
        measure: `${name}: build (wall × bare node)`,
        figure: `${figure(runs.built)}, ${(built / bareMs).toFixed(1)}×`,
        target: `< ${target} ms`,
        met: built < target,
      },
      {
        section: 'startup',
        measure: `${name}: source through tsx (wall × build)`,
        figure: `${figure(runs.source)}, ${(source / built).toFixed(1)}×`,
        target: '',
        met: null,
      },
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { renderText } = await import('./lib/table.ts');
  const dir = mkdtempSync(join(tmpdir(), 'reform-bench-startup-'));
  try {
    console.log(renderText(await benchStartup(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
