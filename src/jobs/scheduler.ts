// Cron wiring: one node-cron task per job in REFORM_TZ. Every fire goes through runSlot, which
// records the slot in job_runs in the same transaction as the job's enqueues, so a slot runs
// once whether it is fired by cron, caught up at start-up, or reported missed by node-cron.
// On a fast clock (FAST_CLOCK, the chaos run) node-cron's wall-clock timers are replaced by a
// ticker that reads the clock and runs the slots passed since its last look.
import cron, { type ScheduledTask } from 'node-cron';
import { type Clock, wallClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { Logger } from '../log.ts';
import { withJobLog } from '../logContext.ts';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../outbox/dispatcher.ts';
import { createSlackPoster } from '../outbox/slackPoster.ts';
import { cronMatcher, missedSlot, slotsBackwards } from './catchUp.ts';
import type { Job } from './job.ts';
import { ALL_JOBS } from './registry.ts';
import { runSlot, type SlotOutcome } from './runJob.ts';

export interface SchedulerDeps {
  db: Db;
  config: Config;
  calendar: WorkCalendar;
  log: Logger;
  jobs: readonly Job[];
  /** The clock, injectable for tests (vitest fake timers also work). */
  now?: () => Date;
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
  catchUp(): { job: string; slot: Date; outcome: SlotOutcome }[];
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { db, config, calendar, jobs } = deps;
  const log = deps.log.child({ component: 'scheduler' });
  const now = deps.now ?? (() => new Date());
  const tasks: ScheduledTask[] = [];
  let ticker: NodeJS.Timeout | undefined;
  // Jobs' afterCommit work still running (housekeeping's pruning), stopped and awaited by stop().
  const stopping = new AbortController();
  const afterCommits = new Set<Promise<void>>();

  // Every line written during the run carries a jobId (with job and slot): see logContext.ts.
  type Reason = 'cron' | 'catch-up' | 'missed' | 'tick';
  const runAt = (job: Job, slot: Date, reason: Reason): SlotOutcome => withJobLog(job.name, slot, () => runLogged(job, slot, reason));

  function runLogged(job: Job, slot: Date, reason: Reason): SlotOutcome {
    const outcome = runSlot(job, { db, now: slot, config, calendar }, { startedAt: now() });
    const fields = { job: job.name, slot: slot.toISOString(), reason };
    if (outcome.status === 'ran') {
      log.info({ ...fields, queued: outcome.result.queued, ...outcome.result.details }, 'job ran');
      if (outcome.result.queued > 0) deps.onQueued?.();
      if (job.afterCommit) startAfterCommit(job, slot, fields);
    } else if (outcome.status === 'skipped') {
      log.debug(fields, 'slot already ran');
    } else {
      log.error({ ...fields, err: outcome.error }, 'job failed; the next start-up retries this slot');
    }
    return outcome;
  }

  /** Off the slot's transaction and not awaited: the pruning takes many short steps. */
  function startAfterCommit(job: Job, slot: Date, fields: Record<string, string>): void {
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

  function catchUpAt(at: Date) {
    return jobs.flatMap((job) => {
      const matcher = cronMatcher(job.schedule(config), config.REFORM_TZ);
      const slot = missedSlot(db, job.name, matcher, at, config.CATCH_UP_HOURS);
      return slot ? [{ job: job.name, slot, outcome: runAt(job, slot, 'catch-up') }] : [];
    });
  }

  /** From `from` (which the catch-up covered), every `tickMs`: the slots in (last look, now]. */
  function startTicking(from: Date, tickMs: number): void {
    const matchers = jobs.map((job) => ({ job, matcher: cronMatcher(job.schedule(config), config.REFORM_TZ) }));
    let last = from;
    ticker = setInterval(() => {
      const to = now();
      const due = matchers.flatMap(({ job, matcher }) => [...slotsBackwards(matcher, last, to)].map((slot) => ({ job, slot })));
      last = to;
      due.sort((a, b) => a.slot.getTime() - b.slot.getTime());
      for (const { job, slot } of due) runAt(job, slot, 'tick');
    }, tickMs);
    log.info({ jobs: jobs.map((job) => job.name), tickMs, timezone: config.REFORM_TZ }, 'jobs scheduled on the fast clock');
  }

  return {
    catchUp() {
      return catchUpAt(now());
    },
    start() {
      const from = now();
      for (const run of catchUpAt(from)) log.info({ job: run.job, slot: run.slot.toISOString(), status: run.outcome.status }, 'caught up a missed slot');
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
          if (later.done) runAt(job, context.date, 'missed');
        });
        void task.start();
        tasks.push(task);
        log.info({ job: job.name, schedule: expression, timezone: config.REFORM_TZ }, 'job scheduled');
      }
    },
    async stop() {
      clearInterval(ticker);
      ticker = undefined;
      const destroyed = tasks.splice(0).map((task) => Promise.resolve(task.destroy()));
      stopping.abort();
      await Promise.all([...destroyed, ...afterCommits]);
    },
  };
}

/** How often the fast-clock ticker looks at the clock (real milliseconds). */
export const FAST_TICK_MS = 100;

export interface ScheduledWork {
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/**
 * The bot's unattended half, started after the Slack app: the outbox dispatcher (its own Web API
 * client, retries off: it owns them) and the scheduler (catch-up first, then cron). Stopping
 * ends the cron tasks first, then lets an in-flight post finish.
 */
export function startScheduledWork(
  deps: Omit<SchedulerDeps, 'jobs' | 'onQueued' | 'now' | 'tickMs'> & {
    jobs?: readonly Job[];
    clock?: Clock;
    /** Health watching (src/health): what the dispatcher's posts and `sent` writes do. */
    dispatcherHealth?: Pick<DispatcherOptions, 'onDelivery' | 'onWrite'>;
  },
): ScheduledWork {
  const { config, db, log } = deps;
  const clock = deps.clock ?? wallClock;
  const post = createSlackPoster({ token: config.SLACK_BOT_TOKEN as string, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) }, log);
  const dispatcher = createDispatcher({ db, post, log, defaultLocale: config.REFORM_LOCALE, now: clock.now, sleep: clock.sleep, ...deps.dispatcherHealth });
  const scheduler = createScheduler({
    ...deps,
    jobs: deps.jobs ?? ALL_JOBS,
    now: clock.now,
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
      await dispatcher.stop();
    },
  };
}
