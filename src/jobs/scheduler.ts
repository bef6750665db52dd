// Cron wiring: one node-cron task per job in REFORM_TZ. Every fire goes through runSlot, which
// records the slot in job_runs in the same transaction as the job's enqueues, so a slot runs
// once whether it is fired by cron, caught up at start-up, or reported missed by node-cron.
import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { Logger } from '../log.ts';
import { withJobLog } from '../logContext.ts';
import { createDispatcher, type Dispatcher } from '../outbox/dispatcher.ts';
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

  // Every line written during the run carries a jobId (with job and slot): see logContext.ts.
  const runAt = (job: Job, slot: Date, reason: 'cron' | 'catch-up' | 'missed'): SlotOutcome => withJobLog(job.name, slot, () => runLogged(job, slot, reason));

  function runLogged(job: Job, slot: Date, reason: 'cron' | 'catch-up' | 'missed'): SlotOutcome {
    const outcome = runSlot(job, { db, now: slot, config, calendar }, { startedAt: now() });
    const fields = { job: job.name, slot: slot.toISOString(), reason };
    if (outcome.status === 'ran') {
      log.info({ ...fields, queued: outcome.result.queued, ...outcome.result.details }, 'job ran');
      if (outcome.result.queued > 0) deps.onQueued?.();
    } else if (outcome.status === 'skipped') {
      log.debug(fields, 'slot already ran');
    } else {
      log.error({ ...fields, err: outcome.error }, 'job failed; the next start-up retries this slot');
    }
    return outcome;
  }

  function catchUpJob(job: Job) {
    const matcher = cronMatcher(job.schedule(config), config.REFORM_TZ);
    const slot = missedSlot(db, job.name, matcher, now(), config.CATCH_UP_HOURS);
    return slot ? { job: job.name, slot, outcome: runAt(job, slot, 'catch-up') } : undefined;
  }

  return {
    catchUp() {
      return jobs.flatMap((job) => catchUpJob(job) ?? []);
    },
    start() {
      for (const run of this.catchUp()) log.info({ job: run.job, slot: run.slot.toISOString(), status: run.outcome.status }, 'caught up a missed slot');
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
      const stopping = tasks.splice(0).map((task) => Promise.resolve(task.destroy()));
      await Promise.all(stopping);
    },
  };
}

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
export function startScheduledWork(deps: Omit<SchedulerDeps, 'jobs' | 'onQueued'> & { jobs?: readonly Job[] }): ScheduledWork {
  const { config, db, log } = deps;
  const post = createSlackPoster({ token: config.SLACK_BOT_TOKEN as string, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) }, log);
  const dispatcher = createDispatcher({ db, post, log, defaultLocale: config.REFORM_LOCALE });
  const scheduler = createScheduler({ ...deps, jobs: deps.jobs ?? ALL_JOBS, onQueued: () => dispatcher.poke() });
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
