// Composition root: config -> database -> Slack app -> scheduler. Nothing else lives here.
import { loadCalendar } from './calendarFile.ts';
import { fastClock, wallClock } from './clock.ts';
import type { Config } from './config.ts';
import { BOT_BUSY_TIMEOUT_MS, BOT_WAL_AUTOCHECKPOINT_PAGES, setBusyTimeout } from './db/busy.ts';
import { closeDatabase, openDatabase } from './db/client.ts';
import type { WorkCalendar } from './domain/workdays.ts';
import { createHealthCheck } from './health/healthCheck.ts';
import { createHealthMonitor } from './health/healthMonitor.ts';
import { startScheduledWork } from './jobs/scheduler.ts';
import { holdBotLease } from './lease/botLease.ts';
import { createLogger, type Logger } from './log.ts';
import { shutDownWithin } from './shutdown.ts';
import { createSlackApp } from './slack/app.ts';
import { startPendingChangeDrainer } from './slack/pendingChangeDrainer.ts';
import { type ReadPool, startReadPool } from './slack/readWorkers/readPool.ts';
import { HOME_THREAD_NICENESS } from './slack/readWorkers/threadPriority.ts';
import { fetchBotIdentity } from './slackApi/identity.ts';
import { createSlackPoster } from './slackApi/slackPoster.ts';
import { startStallReport } from './stallReport.ts';

export interface Running {
  port?: number;
  stop(): Promise<void>;
}

/** Checks the Slack settings `start` needs, one line per problem. */
export function slackSettingProblems(config: Config): string[] {
  const problems: string[] = [];
  if (!config.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required to start the bot (xoxb-...)');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return problems;
}

/** Read workers (READ_WORKERS) share the database file; an in-memory one cannot be shared. */
function startReadWorkers(config: Config, calendar: WorkCalendar, log: Logger): ReadPool | undefined {
  if (config.READ_WORKERS === 0 || config.DATABASE_PATH === ':memory:') return undefined;
  return startReadPool({ size: config.READ_WORKERS, data: { config, calendar }, log });
}

/** One more worker, at a lower priority, for App Home builds (README "The contention run"; homeRefresh.ts). */
function startHomeBuilder(config: Config, calendar: WorkCalendar, log: Logger): ReadPool | undefined {
  if (config.READ_WORKERS === 0 || config.DATABASE_PATH === ':memory:') return undefined;
  return startReadPool({ size: 1, data: { config, calendar, niceness: HOME_THREAD_NICENESS }, log });
}

export async function startBot(
  config: Config,
  log: Logger = createLogger({ level: config.LOG_LEVEL, pretty: Boolean(process.stderr.isTTY) }),
): Promise<Running> {
  // The database first: it is created and migrated on start even while Slack is slow to answer.
  const db = openDatabase(config.DATABASE_PATH);
  // From here on the bot never waits long for the lock inside SQLite (it would freeze every
  // acknowledgement): writes retry on timers instead (src/db/busy.ts).
  setBusyTimeout(db.$client, BOT_BUSY_TIMEOUT_MS);
  // Checkpoints are the job thread's (src/jobs/jobWorker.ts); this is only a safety net should it
  // fall behind or be given up (a 40 MB WAL), so a click never pays for copying an import back.
  db.$client.pragma(`wal_autocheckpoint = ${BOT_WAL_AUTOCHECKPOINT_PAGES}`);
  // One bot per database file, decided before Slack sees this one. Wall clock even under
  // FAST_CLOCK: other processes compare the heartbeat with theirs.
  const lease = await holdBotLease({
    db,
    databasePath: config.DATABASE_PATH,
    ttlMs: config.BOT_LEASE_TTL_MS,
    now: Date.now,
    log,
  }).catch((error: unknown) => {
    closeDatabase(db);
    throw error;
  });
  // Opt-in (the contention run): measures event-loop stalls from here until stop.
  const stalls = config.REFORM_STALL_REPORT ? startStallReport(config.REFORM_STALL_REPORT) : undefined;
  // Then Slack: a bot Slack does not know (or cannot reach) should not start.
  let identity: Awaited<ReturnType<typeof fetchBotIdentity>>;
  try {
    identity = await fetchBotIdentity({ token: config.SLACK_BOT_TOKEN as string, apiUrl: config.SLACK_API_URL, log });
  } catch (error) {
    await lease.release();
    stalls?.stop();
    closeDatabase(db);
    throw error;
  }
  const calendar = loadCalendar(config.REFORM_CALENDAR);
  const clock = config.FAST_CLOCK ? fastClock(config.FAST_CLOCK) : wallClock;
  if (clock !== wallClock)
    log.warn(
      { speed: clock.speed, now: clock.now().toISOString() },
      'FAST_CLOCK is set: the bot lives in a virtual time (testing only)',
    );
  const readWorkers = startReadWorkers(config, calendar, log);
  const homeBuilder = startHomeBuilder(config, calendar, log);
  // Health: /healthz probes a write; outages are told to the admins by a client of its own.
  const health = createHealthMonitor({
    db,
    check: createHealthCheck({ db, minFreeMb: config.HEALTH_MIN_FREE_MB }),
    post: createSlackPoster(
      { token: config.SLACK_BOT_TOKEN as string, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) },
      log,
    ),
    log,
    now: clock.now,
    defaultLocale: config.REFORM_LOCALE,
    alertAfterMs: config.HEALTH_ALERT_AFTER_MINUTES * 60_000,
  });
  const deps = { config, db, log, calendar, now: clock.now, readWorkers, homeBuilder, health: health.check };
  const slack = createSlackApp(deps, {
    botToken: config.SLACK_BOT_TOKEN as string,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    port: config.PORT,
    identity,
  });
  let port: number | undefined;
  try {
    ({ port } = await slack.start());
  } catch (error) {
    await readWorkers?.close();
    await homeBuilder?.close();
    await lease.release();
    stalls?.stop();
    closeDatabase(db);
    throw error;
  }
  // After Slack is up: catch-up runs may queue messages the dispatcher sends at once.
  const scheduled = startScheduledWork({
    config,
    db,
    calendar,
    log,
    clock,
    dispatcherHealth: { onDelivery: health.onDelivery, onWrite: health.onWrite },
  });
  health.start();
  // Changes queued while an office command held the database (maybe before a restart).
  const pending = startPendingChangeDrainer(deps, slack.app.client);
  log.info({ mode: slack.mode, port, database: config.DATABASE_PATH }, 'reform-bot started');
  return {
    port,
    async stop() {
      log.info({ inFlight: slack.inFlight() }, 'reform-bot stopping');
      health.stop();
      await shutDownWithin(
        config.SHUTDOWN_BUDGET_MS,
        {
          async requests(graceMs) {
            const until = performance.now() + graceMs;
            await slack.stop(graceMs);
            // After the listeners: they may still queue changes for the drainer.
            await pending.stop();
            await Promise.all([readWorkers?.close(Math.max(0, until - performance.now())), homeBuilder?.close(0)]);
          },
          scheduled: () => scheduled.stop(),
          // Only after the listeners and the dispatcher finished (or the budget ran out): they write.
          close: async () => {
            // Last write: the next start may take the file at once.
            await lease.release();
            closeDatabase(db);
            stalls?.stop();
          },
        },
        log,
      );
      log.info('reform-bot stopped');
    },
  };
}
