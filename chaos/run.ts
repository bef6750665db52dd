// `npm run chaos` (and `-- --short`, which CI runs inside `npm test`): the bot, on a fast clock,
// against a Slack stand-in that fails 20% of calls, killed with SIGKILL again and again - at random
// moments and right after Slack accepted a message - and restarted; then the last bot empties the
// outbox and stops, and we count: every message delivered, none lost, none doubled except where a
// kill fell between Slack accepting it and the bot recording it, the database intact.
// It stops by itself: see the time limits in options.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fastClock } from '../src/clock.ts';
import { parseConfig } from '../src/config.ts';
import { seededRandom } from '../test/support/standInFaults.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/workspace.ts';
import { analyse, type KillRecord } from './analyse.ts';
import { type BotChild, type Exit, startBotChild } from './child.ts';
import { backlog, finalFacts, sendingKeys } from './db.ts';
import { parseChaosOptions } from './options.ts';
import { prepareDatabase } from './prepare.ts';
import { type ChaosSummary, killFigures, renderSummary } from './report.ts';
import { startChaosSlack } from './slack.ts';

const options = parseChaosOptions(process.argv.slice(2), process.env);
const human = options.json ? process.stderr : process.stdout;
const say = (line: string) => void human.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// Whatever happens, the process ends: a last resort if something below hangs.
setTimeout(
  () => {
    process.stderr.write('chaos: hard time limit reached, exiting\n');
    process.exit(2);
  },
  (options.hardLimitSeconds + 5) * 1000,
).unref();

const t0 = Date.now();
const elapsed = () => (Date.now() - t0) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'reform-chaos-'));
const dbPath = join(dir, 'chaos.db');
const logPath = join(dir, 'bot.log');
const random = seededRandom(options.seed ^ 0x9e3779b9);
const virtualStart = new Date(options.virtualStart);

say(`chaos (${options.form}, seed ${options.seed}): preparing the database in ${dir}`);
const world = prepareDatabase(dbPath, virtualStart);
const slack = await startChaosSlack(options.faultRate, options.seed);
const realStart = new Date();
const clock = fastClock({ speed: options.speed, start: virtualStart, realStart });
const env: Record<string, string> = {
  DATABASE_PATH: dbPath,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.standIn.url,
  PORT: '0',
  LOG_LEVEL: 'info',
  FAST_CLOCK: `${options.speed},${virtualStart.toISOString()},${realStart.toISOString()}`,
};

let children = 0;
const startupMs: number[] = [];
const exitsByItself: ChaosSummary['botExitsByItself'] = [];

function spawnBot(): BotChild & { n: number; logFrom: number } {
  children += 1;
  const logFrom = existsSync(logPath) ? statSync(logPath).size : 0;
  return { ...startBotChild(env, dir, logPath, `child ${children}`), n: children, logFrom };
}

/** When this child logged that it started (its catch-up ran, the dispatcher runs), if it did. */
function startedAt(child: { pid: number; logFrom: number }): number | undefined {
  const text = readFileSync(logPath).subarray(child.logFrom).toString('utf8');
  const line = text
    .split('\n')
    .find((l) => l.includes(`"pid":${child.pid},`) && l.includes('"msg":"reform-bot started"'));
  return line === undefined ? undefined : (JSON.parse(line) as { time: number }).time;
}

function noteExit(n: number, exit: Exit): void {
  exitsByItself.push({ n, code: exit.code, signal: exit.signal });
  say(`  child ${n} exited by itself (code ${exit.code}, signal ${exit.signal}); restarting`);
}

// ---- kills ----------------------------------------------------------------------------------
const kills: KillRecord[] = [];
const chaosEnd = t0 + options.chaosSeconds * 1000;
// Past chaosEnd only to reach minKills, and never into the drain's time.
const chaosLimit = t0 + (options.hardLimitSeconds - options.drainSeconds - 10) * 1000;
const targetKills = options.minKills + 3;
while (Date.now() < chaosLimit && (Date.now() < chaosEnd || kills.length < options.minKills)) {
  const child = spawnBot();
  const remaining = Math.max(2000, chaosEnd - Date.now());
  const mean = remaining / Math.max(1, targetKills - kills.length);
  const upMs = 300 + random() * Math.max(1000, 2 * mean - 600);
  let mode: KillRecord['mode'] | undefined;
  let waitMs = upMs;
  if (random() < 0.5) {
    // Kill while Slack holds an accepted message the bot has not recorded yet; if no message
    // comes in time, the kill falls at a random moment after all.
    waitMs = 2 * upMs;
    const after = 1 + Math.floor(random() * 4);
    let seen = 0;
    slack.onAccepted(() => {
      seen += 1;
      if (seen >= after && child.alive() && mode === undefined) {
        mode = 'post';
        void child.kill();
      }
    });
  }
  const first = await Promise.race([
    child.exited.then(() => 'exited' as const),
    sleep(waitMs).then(() => 'timer' as const),
  ]);
  slack.onAccepted(undefined);
  if (mode === undefined && first === 'exited') {
    noteExit(child.n, await child.exited);
    continue;
  }
  mode ??= 'random';
  const started = startedAt(child);
  await child.kill();
  const upFor = Date.now() - child.startedAt;
  if (started !== undefined) startupMs.push(started - child.startedAt);
  const kill: KillRecord = {
    n: kills.length + 1,
    mode,
    at: elapsed(),
    upMs: upFor,
    virtualAt: clock.now().toISOString(),
    sendingKeys: sendingKeys(dbPath),
  };
  kills.push(kill);
  say(
    `  kill ${String(kill.n).padStart(2)} at ${kill.at.toFixed(1)} s (${kill.virtualAt}): ${mode === 'post' ? 'right after a chat.postMessage' : 'at a random moment'}, up ${upFor} ms${started !== undefined ? '' : ' (still starting)'}, ${kill.sendingKeys.length} claimed but unrecorded`,
  );
}
const chaosSeconds = elapsed();

// ---- drain -----------------------------------------------------------------------------------
// From here the clock goes on from where the kills left it, but only ten times faster than real
// time: no new day's messages pile up while the last bot empties the outbox (on a busy machine a
// day's burst at full speed can outlast the drain), and retry delays stay short.
const DRAIN_SPEED = 10;
const drainReal = new Date();
const drainStart = fastClock({ speed: options.speed, start: virtualStart, realStart }, () => drainReal.getTime()).now();
const drainClock = fastClock({ speed: DRAIN_SPEED, start: drainStart, realStart: drainReal });
env.FAST_CLOCK = `${DRAIN_SPEED},${drainStart.toISOString()},${drainReal.toISOString()}`;
// The last stop may take its 15 s grace: the drain ends early enough for it.
const drainLimit = Math.min(Date.now() + options.drainSeconds * 1000, t0 + (options.hardLimitSeconds - 20) * 1000);
let drained = false;
let stoppedCleanly = true;
say(
  `  draining from ${drainStart.toISOString()}, the clock at ${DRAIN_SPEED}x: the last bot empties the outbox (at most ${Math.round((drainLimit - Date.now()) / 1000)} s)`,
);
while (!drained && Date.now() < drainLimit) {
  const child = spawnBot();
  let empty = 0;
  while (Date.now() < drainLimit && child.alive() && empty < 2) {
    await sleep(250);
    if (startedAt(child) !== undefined) empty = backlog(dbPath) === 0 ? empty + 1 : 0;
  }
  if (!child.alive()) {
    noteExit(child.n, await child.exited);
    continue;
  }
  const stop = await child.stop(15_000);
  if (stop.forced || stop.code !== 0) stoppedCleanly = false;
  drained = backlog(dbPath) === 0;
}
const drainSeconds = elapsed() - chaosSeconds;
const virtualEnd = drainClock.now();
await slack.close();

// ---- verdict ---------------------------------------------------------------------------------
const facts = finalFacts(dbPath);
// The last child's final moments: slots within a few real seconds of its stop may not have run.
const slotsUntil = new Date(virtualEnd.getTime() - 5000 * DRAIN_SPEED);
const analysis = analyse(facts, slack.deliveries, kills, {
  from: virtualStart,
  to: slotsUntil,
  config: parseConfig(env),
});
const m = analysis.messages;
const problems: string[] = [];
if (m.lost > 0) problems.push(`${m.lost} messages lost`);
if (m.doubledUnexplained > 0)
  problems.push(`${m.doubledUnexplained} messages delivered twice with no kill to explain it`);
if (m.failed > 0) problems.push(`${m.failed} messages failed permanently`);
if (m.repliesOutsideThread > 0) problems.push(`${m.repliesOutsideThread} thread replies outside their parent's thread`);
if (m.unknownDeliveries > 0) problems.push(`${m.unknownDeliveries} deliveries of no outbox row`);
if (analysis.integrity !== 'ok') problems.push(`integrity_check: ${analysis.integrity}`);
if (analysis.foreignKeyProblems > 0) problems.push(`${analysis.foreignKeyProblems} foreign key problems`);
const missedSlots = analysis.slots.reduce((n, s) => n + s.missed, 0);
if (missedSlots > 0) problems.push(`${missedSlots} daily job slots never ran`);
if (kills.length < options.minKills) problems.push(`only ${kills.length} kills (at least ${options.minKills} wanted)`);
if (exitsByItself.length > 0) problems.push(`the bot exited by itself ${exitsByItself.length} times (see bot.log)`);
if (!drained) problems.push('the outbox was not empty at the end');
if (!stoppedCleanly) problems.push('the last bot did not stop cleanly on SIGTERM');

startupMs.sort((a, b) => a - b);
const summary: ChaosSummary = {
  ok: problems.length === 0,
  problems,
  form: options.form,
  seed: options.seed,
  seconds: { total: elapsed(), chaos: chaosSeconds, drain: drainSeconds },
  clock: {
    speed: options.speed,
    from: virtualStart.toISOString(),
    to: virtualEnd.toISOString(),
    virtualDays: (virtualEnd.getTime() - virtualStart.getTime()) / 86_400_000,
  },
  world,
  kills: {
    ...killFigures(kills),
    startupMedianMs: startupMs.length > 0 ? (startupMs[Math.floor(startupMs.length / 2)] ?? null) : null,
  },
  botExitsByItself: exitsByItself,
  standIn: slack.faultCounts(),
  messages: m,
  byKind: analysis.byKind,
  slots: analysis.slots,
  integrity: analysis.integrity,
  foreignKeyProblems: analysis.foreignKeyProblems,
  examples: analysis.examples,
};
if (summary.ok && !options.keep) rmSync(dir, { recursive: true, force: true });
else summary.kept = dir;
say('');
say(renderSummary(summary));
if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(summary.ok ? 0 : 1);
