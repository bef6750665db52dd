// Acknowledgement latency under load: the real bot (`reform-bot start`, HTTP mode, a 25,000-item
// ledger) and a bare Bolt app that only acks, each in its own process, receive signed
// `/reform stats` and `/reform item P1#1` at 200 requests per second (BENCH_ACK_SECONDS, default
// 30, after a short warm-up). The Web API stand-in runs in a third process and counts the
// ephemeral answers the bot sends after acking, to show that the work after ack keeps up.
//
//   node --import tsx bench/ack.ts                                 # prints the rows
//   BENCH_ACK_PROFILE=/tmp/prof node --import tsx bench/ack.ts     # and the bot's CPU profile
//   BENCH_ACK_KEEP=1 ...                                            # keep the ledger and server logs
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../src/domain/dates.ts';
import { type ServerProcess, startServer } from './lib/server.ts';
import { driveSlashCommands, type LoadFigures } from './lib/slashLoad.ts';
import { type StandInProcess, startStandInProcess } from './lib/standInProcess.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import { type BenchRow, renderText } from './lib/table.ts';

const RATE = 200;
const WARM_UP_SECONDS = 3;
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
const TEXTS = ['stats', 'item P1#1'];
/** Department members of the synthetic ledger (40 departments × 3): askers with a role. */
const USERS = Array.from({ length: 120 }, (_, i) => `U0M${(i % 40) + 1}X${Math.floor(i / 40) + 1}`);
const SECTION = 'ack latency';

interface Measured {
  load: LoadFigures;
  /** Server CPU time per acknowledged request, in ms (undefined without /proc). */
  cpuMsPerRequest?: number;
  /** Ephemeral answers (response_url posts) received for the measured requests. */
  answered: number;
  /** How long after the load the answers stopped coming. */
  drainMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until no new answer with this prefix arrived for a second (at most 20 s). */
async function settledAnswers(standIn: StandInProcess, prefix: string): Promise<{ answered: number; drainMs: number }> {
  const started = performance.now();
  let answered = -1;
  let lastChange = started;
  for (;;) {
    const now = (await standIn.counts(prefix)).response_url ?? 0;
    if (now !== answered) {
      answered = now;
      lastChange = performance.now();
    }
    if (performance.now() - lastChange >= 1000 || performance.now() - started > 20_000) break;
    await sleep(100);
  }
  return { answered, drainMs: lastChange - started };
}

async function measure(server: ServerProcess, standIn: StandInProcess, label: string, seconds: number): Promise<Measured> {
  const drive = (phase: string, s: number) =>
    driveSlashCommands({
      baseUrl: server.baseUrl,
      signingSecret: SIGNING_SECRET,
      rate: RATE,
      seconds: s,
      texts: TEXTS,
      users: USERS,
      responseUrl: standIn.responseUrl,
      label: `${label}-${phase}`,
    });
  await drive('warm', WARM_UP_SECONDS);
  // The warm-up's work after ack finishes before the measured load starts.
  await settledAnswers(standIn, `${label}-warm-`);
  const cpuBefore = server.cpuSeconds();
  const load = await drive('load', seconds);
  const settled = await settledAnswers(standIn, `${label}-load-`);
  const cpuAfter = server.cpuSeconds();
  const cpuMsPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / load.ok;
  return { load, cpuMsPerRequest, ...settled };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const n = (v: number) => v.toLocaleString('en');

function loadRows(who: string, m: Measured, targets: boolean): BenchRow[] {
  const errors = m.load.non2xx + m.load.timeouts + m.load.otherErrors;
  const detail = `${n(m.load.non2xx)} non-2xx, ${n(m.load.timeouts)} timeouts, ${n(m.load.otherErrors)} other`;
  return [
    { section: SECTION, measure: `${who}: requests acked (2xx)`, figure: n(m.load.ok), target: '', met: null },
    { section: SECTION, measure: `${who}: p50`, figure: ms(m.load.p50), target: '', met: null },
    { section: SECTION, measure: `${who}: p99 (max ${ms(m.load.max)})`, figure: ms(m.load.p99), target: targets ? '< 100 ms' : '', met: targets ? m.load.p99 < 100 : null },
    { section: SECTION, measure: `${who}: errors (${detail})`, figure: n(errors), target: targets ? '0' : '', met: targets ? errors === 0 : null },
    ...(m.cpuMsPerRequest === undefined
      ? []
      : [{ section: SECTION, measure: `${who}: server CPU per request (incl. work after ack)`, figure: ms(m.cpuMsPerRequest), target: '', met: null }]),
  ];
}

async function measured(args: string[], env: Record<string, string>, logFile: string, standIn: StandInProcess, label: string, seconds: number): Promise<Measured> {
  const server = await startServer(args, env, logFile);
  try {
    return await measure(server, standIn, label, seconds);
  } finally {
    await server.stop();
  }
}

export async function benchAck(): Promise<BenchRow[]> {
  const seconds = Number(process.env.BENCH_ACK_SECONDS ?? 30);
  if (!(seconds > 0)) throw new Error(`BENCH_ACK_SECONDS must be a positive number of seconds, not ${process.env.BENCH_ACK_SECONDS}`);
  const profileDir = process.env.BENCH_ACK_PROFILE;
  const dir = mkdtempSync(join(tmpdir(), 'bench-ack-'));
  const loadBefore = loadavg()[0] as number;
  const standIn = await startStandInProcess();
  try {
    const database = join(dir, 'ledger.db');
    writeSyntheticLedger(database, { plans: 1_000, items: 25_000, around: todayIn(new Date(), 'Asia/Shanghai') });
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: standIn.url, DATABASE_PATH: database };

    const bareScript = fileURLToPath(new URL('./lib/bareBolt.ts', import.meta.url));
    const bare = await measured(['--import', 'tsx', bareScript], env, join(dir, 'bare.log'), standIn, 'bare', seconds);

    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    const botArgs = [...profile, fileURLToPath(new URL('../bin/reform-bot.js', import.meta.url)), 'start'];
    const bot = await measured(botArgs, { ...env, LOG_LEVEL: 'info' }, join(dir, 'bot.log'), standIn, 'bot', seconds);

    const ratio = bot.load.p99 / bare.load.p99;
    return [
      { section: SECTION, measure: `load: ${RATE}/s for ${seconds} s after ${WARM_UP_SECONDS} s warm-up; /reform stats and item; 25,000 items`, figure: '', target: '', met: null },
      ...loadRows('bare Bolt', bare, false),
      ...loadRows('reform-bot', bot, true),
      { section: SECTION, measure: 'reform-bot p99 / bare Bolt p99', figure: `${ratio.toFixed(2)}×`, target: '≤ 1.5×', met: ratio <= 1.5 },
      {
        section: SECTION,
        // Answers can exceed the acks counted: requests in flight when the load stopped were answered too.
        measure: `reform-bot: ephemeral answers received / acks counted (last one ${(bot.drainMs / 1000).toFixed(1)} s after load)`,
        figure: `${n(bot.answered)} / ${n(bot.load.ok)}`,
        target: '',
        met: null,
      },
      { section: SECTION, measure: 'machine load average (1 min) before / after', figure: `${loadBefore.toFixed(2)} / ${(loadavg()[0] as number).toFixed(2)}`, target: '', met: null },
    ];
  } finally {
    await standIn.stop();
    if (process.env.BENCH_ACK_KEEP) console.error(`bench ack: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(renderText(await benchAck()));
}
