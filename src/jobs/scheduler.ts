// Cron wiring: one node-cron task per job in REFORM_TZ. Every fire goes through runSlot, which
// records the slot in job_runs in the same transaction as the job's enqueues, so a slot runs
// once whether it is fired by cron, caught up at start-up, or reported missed by node-cron.
// On a fast clock (FAST_CLOCK, the chaos run) node-cron's wall-clock timers are replaced by a
// ticker that reads the clock and runs the slots passed since its last look.
//
// A slot that fails (most often: another process held the database longer than the job waits)
// is tried again within minutes (slotRetry.ts: 15 s, doubling to 5 min) until it runs, the
// job's next slot falls due, or it is older than CATCH_UP_HOURS. In the bot the slots run on the
// job thread (jobThread.ts), so neither a long build nor a wait for the lock stalls the main
// thread, which acknowledges Slack.
import cron, { type ScheduledTask } from 'node-cron';
import { type Clock, realSleep, type Sleep, wallClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { Logger } from '../log.ts';
import { withJobLog } from '../logContext.ts';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../outbox/dispatcher.ts';
import { createSlackPoster } from '../slackApi/slackPoster.ts';
import { cronMatcher, missedSlot, slotsBackwards } from './catchUp.ts';
import type { Job } from './job.ts';
import { type JobThread, startJobThread } from './jobThread.ts';
import { ALL_JOBS } from './registry.ts';
import type { SlotOutcome } from './runSlot.ts';
import { jobRetryDelayMs, slotRetryVerdict } from './slotRetry.ts';
import { runSlotsHere, type SlotRunner } from './slotRunner.ts';

export interface SchedulerDeps {
  db: Db;
  config: Config;
  calendar: WorkCalendar;
  log: Logger;
  jobs: readonly Job[];
  /** The clock, injectable for tests (vitest fake timers also work). */
  now?: () => Date;
  /** Waits before a retry, on the same clock as `now` (a FAST_CLOCK's sleep). */
  sleep?: Sleep;
  /** Where slots run: on this thread by default; the bot passes the job thread's runner. */
  runSlot?: SlotRunner;
  /** Called after a run queued something, so the dispatcher sends it without waiting to poll. */
  onQueued?: () => void;
  /**
   * Instead of node-cron's timers (which follow the wall clock), read `now()` every `tickMs` of
   * real time and run each slot passed since the last look, oldest first. For a clock that is
   * not the wall clock (FAST_CLOCK); unset in production.
   */
  tickMs?: number;
}

export interface Scheduler {
  /** Runs the catch-up, then arms one cron task per job. */
  start(): void;
  stop(): Promise<void>;
  /** For each job, the latest missed slot in the last CATCH_UP_HOURS, run once. */
  catchUp(): Promise<{ job: string; slot: Date; outcome: SlotOutcome }[]>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { db, config, calendar, jobs } = deps;
  const log = deps.log.child({ component: 'scheduler' });
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const runner = deps.runSlot ?? runSlotsHere({ db, config, calendar });
  const tasks: ScheduledTask[] = [];
  /** `job slot` of the failed slots waiting for their retry: one retry chain per slot. */
  const retrying = new Set<string>();
  let ticker: NodeJS.Timeout | undefined;
  // Ends pending retries and the jobs' afterCommit work still running (housekeeping's pruning),
  // which stop() awaits.
  const stopping = new AbortController();
  const afterCommits = new Set<Promise<void>>();

  // Every line written during the run carries a jobId (with job and slot): see logContext.ts.
  type Reason = 'cron' | 'catch-up' | 'missed' | 'tick' | 'retry';
  const runAt = (job: Job, slot: Date, reason: Reason, attempt = 0): Promise<SlotOutcome> =>
    withJobLog(job.name, slot, () => runLogged(job, slot, reason, attempt));

  async function runLogged(job: Job, slot: Date, reason: Reason, attempt: number): Promise<SlotOutcome> {
    const outcome = await runner(job, slot, now());
    const fields = { job: job.name, slot: slot.toISOString(), reason, ...(attempt > 0 ? { attempt } : {}) };
    if (outcome.status === 'ran') {
      log.info({ ...fields, queued: outcome.result.queued, ...outcome.result.details }, 'job ran');
      if (outcome.result.queued > 0) deps.onQueued?.();
      if (job.afterCommit) startAfterCommit(job, slot, fields);
    } else if (outcome.status === 'skipped') {
      log.debug(fields, 'slot already ran');
    } else {
      const retryInMs = retryLater(job, slot, attempt + 1);
      if (retryInMs === undefined) log.error({ ...fields, err: outcome.error }, 'job failed');
      else log.error({ ...fields, err: outcome.error, retryInMs }, 'job failed; retrying the slot');
    }
    return outcome;
  }

  /** Arms the slot's next attempt; returns its delay, or undefined when one is already armed (or stopping). */
  function retryLater(job: Job, slot: Date, attempt: number): number | undefined {
    const key = `${job.name} ${slot.toISOString()}`;
    if (retrying.has(key) || stopping.signal.aborted) return undefined;
    retrying.add(key);
    const delay = jobRetryDelayMs(attempt);
    void sleep(delay, stopping.signal).then(() => {
      retrying.delete(key);
      if (stopping.signal.aborted) return;
      const at = now();
      const matcher = cronMatcher(job.schedule(config), config.REFORM_TZ);
      const laterSlotDue = !slotsBackwards(matcher, slot, at).next().done;
      const verdict = slotRetryVerdict({ slot, now: at, catchUpHours: config.CATCH_UP_HOURS, laterSlotDue });
      if (verdict === 'retry') return void runAt(job, slot, 'retry', attempt);
      log.warn({ job: job.name, slot: slot.toISOString(), attempts: attempt, verdict }, 'failed slot given up');
    });
    return delay;
  }

  /** Off the slot's transaction and not awaited: the pruning takes many short steps. */
  function startAfterCommit(job: Job, slot: Date, fields: Record<string, string | number>): void {
    const work = (async () => {
      try {
        const details = await job.afterCommit?.({ db, now: slot, config, calendar }, stopping.signal);
        log.info({ ...fields, ...details }, 'job finished its work after the slot');
      } catch (error) {
        log.error({ ...fields, err: error }, 'job failed after its slot was recorded; its next slot tries again');
      }
    })();
    afterCommits.add(work);
    void work.finally(() => afterCommits.delete(work));
  }

  // Each job's missed slot is found and handed to the runner in turn, synchronously, before
  // cron or the ticker is armed; the outcomes come back as the runs finish.
  function catchUpAt(at: Date) {
    const runs = jobs.flatMap((job) => {
      const matcher = cronMatcher(job.schedule(config), config.REFORM_TZ);
      const slot = missedSlot(db, job.name, matcher, at, config.CATCH_UP_HOURS);
      return slot ? [runAt(job, slot, 'catch-up').then((outcome) => ({ job: job.name, slot, outcome }))] : [];
    });
    return Promise.all(runs);
  }

  /** From `from` (which the catch-up covered), every `tickMs`: the slots in (last look, now]. */
  function startTicking(from: Date, tickMs: number): void {
    const matchers = jobs.map((job) => ({ job, matcher: cronMatcher(job.schedule(config), config.REFORM_TZ) }));
    let last = from;
    ticker = setInterval(() => {
      const to = now();
      const due = matchers.flatMap(({ job, matcher }) =>
        [...slotsBackwards(matcher, last, to)].map((slot) => ({ job, slot })),
      );
      last = to;
      due.sort((a, b) => a.slot.getTime() - b.slot.getTime());
      for (const { job, slot } of due) void runAt(job, slot, 'tick');
    }, tickMs);
    log.info(
      { jobs: jobs.map((job) => job.name), tickMs, timezone: config.REFORM_TZ },
      'jobs scheduled on the fast clock',
    );
  }

  return {
    catchUp() {
      return catchUpAt(now());
    },
    start() {
      const from = now();
      void catchUpAt(from).then((runs) => {
        for (const run of runs)
          log.info(
            { job: run.job, slot: run.slot.toISOString(), status: run.outcome.status },
            'caught up a missed slot',
          );
      });
      if (deps.tickMs !== undefined) {
        startTicking(from, deps.tickMs);
        return;
      }
      for (const job of jobs) {
        const expression = job.schedule(config);
        const task = cron.createTask(expression, (context) => void runAt(job, context.date, 'cron'), {
          name: `reform-bot:${job.name}`,
          timezone: config.REFORM_TZ,
          noOverlap: true,
          // A slot node-cron fired too late (event loop blocked, machine asleep) is reported as
          // missed instead of run; the catch-up runs it (or a later one) once.
          suppressMissedWarning: true,
        });
        // Missed = fired more than node-cron's tolerance (1 s) late: the event loop was busy
        // (three jobs share 09:00 on Mondays) or the machine slept. Run the latest such slot;
        // older ones are superseded by it, like at start-up.
        const matcher = cronMatcher(expression, config.REFORM_TZ);
        task.on('execution:missed', (context) => {
          const later = slotsBackwards(matcher, context.date, now()).next();
          if (later.done) void runAt(job, context.date, 'missed');
        });
        void task.start();
        tasks.push(task);
        log.info({ job: job.name, schedule: expression, timezone: config.REFORM_TZ }, 'job scheduled');
      }
    },
    async stop() {
      stopping.abort();
      clearInterval(ticker);
      ticker = undefined;
      const destroyed = tasks.splice(0).map((task) => Promise.resolve(task.destroy()));
      await Promise.all([...destroyed, ...afterCommits]);
    },
  };
}

/** How often the fast-clock ticker looks at the clock (real milliseconds). */
const FAST_TICK_MS = 100;

export interface ScheduledWork {
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/** At stop, how long a slot running on the job thread may take to finish before the thread is ended. */
const JOB_THREAD_STOP_GRACE_MS = 5_000;

/**
 * The bot's unattended half, started after the Slack app: the outbox dispatcher (its own Web API
 * client, retries off: it owns them), the job thread (a database file can be shared with it; an
 * in-memory one cannot) and the scheduler (catch-up first, then cron). Stopping ends the cron
 * tasks and pending retries first, then the slot in progress, then lets an in-flight post finish.
 */
export function startScheduledWork(
  deps: Omit<SchedulerDeps, 'jobs' | 'onQueued' | 'now' | 'tickMs' | 'sleep' | 'runSlot'> & {
    jobs?: readonly Job[];
    clock?: Clock;
    /** Health watching (src/health): what the dispatcher's posts and `sent` writes do. */
    dispatcherHealth?: Pick<DispatcherOptions, 'onDelivery' | 'onWrite'>;
    /** Tests run their own jobs on the job thread (a module exporting `JOBS`). */
    jobsModule?: string;
  },
): ScheduledWork {
  const { config, db, log, calendar } = deps;
  const clock = deps.clock ?? wallClock;
  const post = createSlackPoster(
    { token: config.SLACK_BOT_TOKEN as string, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) },
    log,
  );
  const dispatcher = createDispatcher({
    db,
    post,
    log,
    defaultLocale: config.REFORM_LOCALE,
    now: clock.now,
    sleep: clock.sleep,
    ...deps.dispatcherHealth,
  });
  const here = runSlotsHere({ db, config, calendar });
  const jobThread: JobThread | undefined =
    config.DATABASE_PATH === ':memory:'
      ? undefined
      : startJobThread({
          config,
          calendar,
          log,
          fallback: here,
          ...(deps.jobsModule ? { jobsModule: deps.jobsModule } : {}),
        });
  const scheduler = createScheduler({
    ...deps,
    jobs: deps.jobs ?? ALL_JOBS,
    now: clock.now,
    sleep: clock.sleep,
    runSlot: jobThread?.run ?? here,
    onQueued: () => dispatcher.poke(),
    // A tick of 100 ms is at most a few virtual minutes at the speeds the chaos run uses.
    ...(clock === wallClock ? {} : { tickMs: FAST_TICK_MS }),
  });
  dispatcher.start();
  scheduler.start();
  return {
    scheduler,
    dispatcher,
    async stop() {
      await scheduler.stop();
      await jobThread?.close(JOB_THREAD_STOP_GRACE_MS);
      await dispatcher.stop();
    },
  };
}
