// Acknowledgement latency under load: the real bot (`reform-bot start`, HTTP mode, a 25,000-item
// ledger, its read worker) and a bare Bolt app that only acks, each in its own process, receive
// signed `/reform stats` and `/reform item P1#1` at 200 requests per second: BENCH_ACK_SECONDS
// (default 30) of load each, after a 15 s warm-up. The load comes in BENCH_ACK_ROUNDS rounds
// (default 3) that alternate between the two apps, and each app's latencies are pooled over its
// rounds: a p99 is decided by its slowest 1%, and on a shared 2-core machine a neighbour's burst
// during one app's only run would otherwise decide the comparison. The Web API stand-in runs in
// a third process and counts the ephemeral answers the bot sends after acking, to show that the
// work after ack keeps up.
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
import { driveSlashCommands, type LoadFigures, poolLoads } from './lib/slashLoad.ts';
import { type StandInProcess, startStandInProcess } from './lib/standInProcess.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import { type BenchRow, renderText } from './lib/table.ts';

const RATE = 200;
// Long enough for the load generator and both apps to reach steady state: after 5 s, the first
// measured round of either app was still up to three times slower than the last.
const WARM_UP_SECONDS = 15;
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';
const TEXTS = ['stats', 'item P1#1'];
/** Department members of the synthetic ledger (40 departments × 3): askers with a role. */
const USERS = Array.from({ length: 120 }, (_, i) => `U0M${(i % 40) + 1}X${Math.floor(i / 40) + 1}`);
const SECTION = 'ack latency';

interface Subject {
  name: string;
  label: string;
  server: ServerProcess;
  runs: LoadFigures[];
  cpuSeconds: number;
  mainCpuSeconds: number;
  answered: number;
  drainMs: number;
}

interface Measured {
  load: LoadFigures;
  /** p99 of each round, in the order run. */
  roundP99s: number[];
  /** Server CPU time per acknowledged request, in ms (NaN without /proc). */
  cpuMsPerRequest: number;
  /** The part of it on the main thread, which also acknowledges. */
  mainCpuMsPerRequest: number;
  /** Ephemeral answers (response_url posts) received for the measured requests. */
  answered: number;
  /** How long after the last round's load the answers stopped coming. */
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

function drive(subject: Subject, standIn: StandInProcess, phase: string, seconds: number): Promise<LoadFigures> {
  return driveSlashCommands({
    baseUrl: subject.server.baseUrl,
    signingSecret: SIGNING_SECRET,
    rate: RATE,
    seconds,
    texts: TEXTS,
    users: USERS,
    responseUrl: standIn.responseUrl,
    label: `${subject.label}-${phase}`,
  });
}

/** One round of load on one app, with the CPU it used (until its answers stopped coming). */
async function round(subject: Subject, standIn: StandInProcess, index: number, seconds: number): Promise<void> {
  const cpu = () => [subject.server.cpuSeconds() ?? Number.NaN, subject.server.mainThreadCpuSeconds() ?? Number.NaN];
  const [cpuBefore = Number.NaN, mainBefore = Number.NaN] = cpu();
  const load = await drive(subject, standIn, `load${index}`, seconds);
  const settled = await settledAnswers(standIn, `${subject.label}-load${index}-`);
  const [cpuAfter = Number.NaN, mainAfter = Number.NaN] = cpu();
  subject.runs.push(load);
  subject.cpuSeconds += cpuAfter - cpuBefore;
  subject.mainCpuSeconds += mainAfter - mainBefore;
  subject.answered += settled.answered;
  subject.drainMs = settled.drainMs;
}

function measuredOf(subject: Subject): Measured {
  const load = poolLoads(subject.runs);
  return {
    load,
    roundP99s: subject.runs.map((r) => r.p99),
    cpuMsPerRequest: (subject.cpuSeconds * 1000) / load.ok,
    mainCpuMsPerRequest: (subject.mainCpuSeconds * 1000) / load.ok,
    answered: subject.answered,
    drainMs: subject.drainMs,
  };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const n = (v: number) => v.toLocaleString('en');

function loadRows(who: string, m: Measured, targets: boolean): BenchRow[] {
  const errors = m.load.non2xx + m.load.timeouts + m.load.otherErrors;
  const detail = `${n(m.load.non2xx)} non-2xx, ${n(m.load.timeouts)} timeouts, ${n(m.load.otherErrors)} other`;
  const rounds = m.roundP99s.map((p) => p.toFixed(1)).join(', ');
  return [
    { section: SECTION, measure: `${who}: requests acked (2xx)`, figure: n(m.load.ok), target: '', met: null },
    { section: SECTION, measure: `${who}: p50`, figure: ms(m.load.p50), target: '', met: null },
    {
      section: SECTION,
      measure: `${who}: p99 (rounds: ${rounds} ms; max ${ms(m.load.max)})`,
      figure: ms(m.load.p99),
      target: targets ? '< 100 ms' : '',
      met: targets ? m.load.p99 < 100 : null,
    },
    {
      section: SECTION,
      measure: `${who}: errors (${detail})`,
      figure: n(errors),
      target: targets ? '0' : '',
      met: targets ? errors === 0 : null,
    },
    ...(Number.isNaN(m.cpuMsPerRequest)
      ? []
      : [
          {
            section: SECTION,
            measure: `${who}: server CPU per request (incl. work after ack)`,
            figure: ms(m.cpuMsPerRequest),
            target: '',
            met: null,
          },
          {
            section: SECTION,
            measure: `${who}: of which on the main thread (the one that acks)`,
            figure: ms(m.mainCpuMsPerRequest),
            target: '',
            met: null,
          },
        ]),
  ];
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not ${raw}`);
  return value;
}

export async function benchAck(): Promise<BenchRow[]> {
  const seconds = positive('BENCH_ACK_SECONDS', 30);
  const rounds = Math.round(positive('BENCH_ACK_ROUNDS', 3));
  const profileDir = process.env.BENCH_ACK_PROFILE;
  const dir = mkdtempSync(join(tmpdir(), 'bench-ack-'));
  const loadBefore = loadavg()[0] as number;
  const standIn = await startStandInProcess();
  const subjects: Subject[] = [];
  try {
    const database = join(dir, 'ledger.db');
    writeSyntheticLedger(database, { plans: 1_000, items: 25_000, around: todayIn(new Date(), 'Asia/Shanghai') });
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.url,
      DATABASE_PATH: database,
    };
    const start = async (name: string, label: string, args: string[], extraEnv: Record<string, string>) => {
      const server = await startServer(args, { ...env, ...extraEnv }, join(dir, `${label}.log`));
      const subject: Subject = {
        name,
        label,
        server,
        runs: [],
        cpuSeconds: 0,
        mainCpuSeconds: 0,
        answered: 0,
        drainMs: 0,
      };
      subjects.push(subject);
      return subject;
    };

    const bareScript = fileURLToPath(new URL('./lib/bareBolt.ts', import.meta.url));
    const bare = await start('bare Bolt', 'bare', ['--import', 'tsx', bareScript], {});
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    // No start-up catch-up: its burst of reminders would be sent during the first round.
    const bot = await start(
      'reform-bot',
      'bot',
      [...profile, fileURLToPath(new URL('../bin/reform-bot-source.js', import.meta.url)), 'start'],
      { LOG_LEVEL: 'info', CATCH_UP_HOURS: '0' },
    );

    for (const subject of [bare, bot]) {
      await drive(subject, standIn, 'warm', WARM_UP_SECONDS);
      // The warm-up's work after ack finishes before the measured load starts.
      await settledAnswers(standIn, `${subject.label}-warm-`);
    }
    // Both idle for a moment: background compilation and collection after the warm-ups finish
    // before the first measured round, instead of landing in it.
    await sleep(3000);
    for (let r = 0; r < rounds; r++) {
      // Alternate who goes first, so neither always follows the other's answers draining.
      for (const subject of r % 2 === 0 ? [bare, bot] : [bot, bare]) await round(subject, standIn, r, seconds / rounds);
    }

    const b = measuredOf(bare);
    const m = measuredOf(bot);
    const ratio = m.load.p99 / b.load.p99;
    return [
      {
        section: SECTION,
        measure: `load: ${RATE}/s, ${seconds} s per app in ${rounds} alternating rounds, after ${WARM_UP_SECONDS} s warm-up; /reform stats and item; 25,000 items`,
        figure: '',
        target: '',
        met: null,
      },
      ...loadRows('bare Bolt', b, false),
      ...loadRows('reform-bot', m, true),
      {
        section: SECTION,
        measure: 'reform-bot p99 / bare Bolt p99 (all rounds pooled)',
        figure: `${ratio.toFixed(2)}×`,
        target: '≤ 1.5×',
        met: ratio <= 1.5,
      },
      {
        section: SECTION,
        // Answers can exceed the acks counted: requests in flight when a round's load stopped were answered too.
        measure: `reform-bot: ephemeral answers received / acks counted (last one ${(m.drainMs / 1000).toFixed(1)} s after load)`,
        figure: `${n(m.answered)} / ${n(m.load.ok)}`,
        target: '',
        met: null,
      },
      {
        section: SECTION,
        measure: 'machine load average (1 min) before / after',
        figure: `${loadBefore.toFixed(2)} / ${(loadavg()[0] as number).toFixed(2)}`,
        target: '',
        met: null,
      },
    ];
  } finally {
    for (const subject of subjects) await subject.server.stop();
    await standIn.stop();
    if (process.env.BENCH_ACK_KEEP) console.error(`bench ack: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(renderText(await benchAck()));
}
