// `npm run contention` (and `-- --short`, which CI runs inside `npm test`): the bot as a real
// process in HTTP mode on a large ledger takes steady clicks and slash commands from several
// users while, in another process, the CLI imports this week's ledger, exports it, takes a backup
// and imports again; the reminders and the digest fall due in the middle of it. Then: how fast
// every request was acknowledged, the bot's longest event-loop stall, which writes were applied,
// told failed or lost, which slots were missed, what was posted twice. Exits 1 when a target is
// missed (see analyse.ts), 2 when the run itself could not finish.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIn } from '../src/domain/dates.ts';
import { type StallFigures, startStallReport } from '../src/stallReport.ts';
import { analyse } from './analyse.ts';
import { failureAnswerMatcher, interimAnswerMatcher } from './answerKinds.ts';
import { startBot } from './botProcess.ts';
import { type CliStep, runCliSequence } from './cliSequence.ts';
import { finalDbFacts, outboxBacklog } from './finalDb.ts';
import { runLoad } from './load.ts';
import { parseContentionOptions } from './options.ts';
import { prepareWorld } from './prepare.ts';
import { type ContentionSummary, renderSummary } from './report.ts';
import { cronAt, dueSlots } from './schedule.ts';
import { startSlackProcess } from './slackFacts.ts';
import { openTargets } from './targets.ts';

const TZ = 'Asia/Shanghai';
const SIGNING_SECRET = 'contention-signing-secret';

const options = parseContentionOptions(process.argv.slice(2), process.env);
const human = options.json ? process.stderr : process.stdout;
const say = (line: string) => void human.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const t0 = Date.now();
const loadBefore = loadavg()[0] as number;
const elapsed = () => (Date.now() - t0) / 1000;
// Whatever happens, the process ends: a last resort if something below hangs.
setTimeout(() => {
  process.stderr.write('contention: hard time limit reached, exiting\n');
  process.exit(2);
}, options.hardLimitSeconds * 1000).unref();

const dir = mkdtempSync(join(tmpdir(), 'reform-contention-'));
const files = {
  database: join(dir, 'bot.db'),
  week1: join(dir, 'ledger-week1.csv'),
  week2: join(dir, 'ledger-week2.csv'),
  exported: join(dir, 'exported.csv'),
  backup: join(dir, 'backup.db'),
};
const stallFile = join(dir, 'stalls.json');

say(
  `contention (${options.form}, seed ${options.seed}): preparing ${options.items.toLocaleString('en')} items in ${dir}`,
);
await prepareWorld(files, options.items, todayIn(new Date(), TZ), dir);
const prepareSeconds = elapsed();
say(`  prepared in ${prepareSeconds.toFixed(1)} s`);

const slack = await startSlackProcess();
// The slot: a whole second, slotAfterStartSeconds after the bot is started.
const slotAt = new Date(Math.ceil((Date.now() + options.slotAfterStartSeconds * 1000) / 1000) * 1000);
const schedule = cronAt(slotAt, TZ);
const spawnedAt = new Date();
const bot = await startBot(
  {
    DATABASE_PATH: files.database,
    SLACK_BOT_TOKEN: 'xoxb-contention',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    LOG_LEVEL: 'info',
    REFORM_TZ: TZ,
    SCHEDULE_REMINDERS: schedule,
    SCHEDULE_DIGEST: schedule,
    // No start-up catch-up: yesterday's slots would run before the load, and only this run's count.
    CATCH_UP_HOURS: '0',
    REFORM_STALL_REPORT: stallFile,
  },
  dir,
  join(dir, 'bot.log'),
  60_000,
);
say(
  `  bot up in ${((Date.now() - spawnedAt.getTime()) / 1000).toFixed(1)} s; reminders and digest due at ${slotAt.toISOString()} (${schedule})`,
);

const targets = openTargets(files.database, options.seed);
// The load generator watches its own event loop too: a stall here would delay requests and
// inflate the latencies it measures, and the report should say so.
const harnessStalls = startStallReport(join(dir, 'harness-stalls.json'));
const loadFrom = Date.now();
let cliDone = false;
let cliSteps: CliStep[] = [];
const cli = sleep(options.cliDelaySeconds * 1000).then(async () => {
  say(`  CLI starts at ${((Date.now() - loadFrom) / 1000).toFixed(1)} s into the load`);
  cliSteps = await runCliSequence(files, dir, (step) =>
    say(`  reform-bot ${step.args[0]}: exit ${step.code} after ${(step.ms / 1000).toFixed(1)} s`),
  );
  cliDone = true;
});
// The load stops when it has run its minimum, the CLI has finished and the slot is 5 s past -
// or, at the latest, early enough to leave the last answers (10 s), the drain, the bot's stop and
// the verdict their time within the hard limit.
const latestEnd = t0 + (options.hardLimitSeconds - 35) * 1000;
const load = await runLoad({
  baseUrl: bot.baseUrl,
  signingSecret: SIGNING_SECRET,
  clickRate: options.clickRate,
  commandRate: options.commandRate,
  updateShare: options.updateShare,
  targets,
  responseUrl: slack.responseUrl,
  shouldStop: () =>
    Date.now() >= latestEnd ||
    (Date.now() - loadFrom >= options.minLoadSeconds * 1000 && cliDone && Date.now() >= slotAt.getTime() + 5000),
});
const { sent } = load;
const loadTo = load.stoppedAt;
harnessStalls.stop();
targets.close();
say(
  `  load stopped after ${((loadTo - loadFrom) / 1000).toFixed(1)} s: ${sent.length} requests${cliDone ? '' : ' (the CLI is still running)'}`,
);
await Promise.race([cli, sleep(Math.max(0, latestEnd + 10_000 - Date.now()))]);

// Drain: the messages queued by the slot and the answers after ack, for up to 15 s.
const drainUntil = Math.min(Date.now() + 15_000, t0 + (options.hardLimitSeconds - 18) * 1000);
let lastAnswers = -1;
for (;;) {
  const answers = (await slack.facts()).responses.length;
  if ((answers === lastAnswers && outboxBacklog(files.database) === 0) || Date.now() >= drainUntil) break;
  lastAnswers = answers;
  await sleep(1000);
}
const stopped = await bot.stop(
  Math.max(3000, Math.min(15_000, t0 + (options.hardLimitSeconds - 6) * 1000 - Date.now())),
);
say(`  bot stopped ${stopped.forced ? 'with SIGKILL after' : 'in'} ${(stopped.ms / 1000).toFixed(1)} s`);
const slackFacts = await slack.facts();
await slack.stop();

const stall = existsSync(stallFile) ? (JSON.parse(readFileSync(stallFile, 'utf8')) as StallFigures) : undefined;
const db = finalDbFacts(files.database);
const figures = analyse({
  sent,
  appliedKeys: db.appliedKeys,
  slack: slackFacts,
  jobRuns: db.jobRuns,
  dueSlots: dueSlots(schedule, TZ, spawnedAt, new Date(loadTo)),
  stall,
  harnessStall: harnessStalls.figures(),
  // Until the last answer: a stall while answers are still awaited delays them too.
  window: { from: loadFrom, to: load.settledAt },
  cli: cliSteps,
  isInterim: interimAnswerMatcher(),
  isFailure: failureAnswerMatcher(),
  outboxBacklog: outboxBacklog(files.database),
});
if (!cliDone) figures.problems.push('the CLI sequence did not finish in time');
const { json: _json, keep: _keep, ...shown } = options;
const summary: ContentionSummary = {
  ok: figures.problems.length === 0,
  problems: figures.problems,
  form: options.form,
  options: shown,
  seconds: { prepare: prepareSeconds, load: (loadTo - loadFrom) / 1000, total: elapsed() },
  slotOffsetsSeconds: [(slotAt.getTime() - loadFrom) / 1000],
  harnessStallMs: harnessStalls.figures().maxMs,
  loadAverage: { before: loadBefore, after: loadavg()[0] as number },
  botStop: stopped,
  figures,
};
if (summary.ok && !options.keep) rmSync(dir, { recursive: true, force: true });
else {
  // What the verdict was drawn from, for whoever looks into a failed run.
  writeFileSync(join(dir, 'requests.json'), JSON.stringify(sent));
  writeFileSync(join(dir, 'slack.json'), JSON.stringify(slackFacts));
  summary.kept = dir;
}
say('');
say(renderSummary(summary));
if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(summary.ok ? 0 : 1);
