// A scheduled job is a function of (database, now): it decides what to send and writes it to the
// outbox. It never calls Slack. The same function runs from cron and from `reform-bot run`.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';

export const JOB_NAMES = ['followups', 'reminders', 'digest', 'closeout', 'housekeeping', 'extensions'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobContext {
  db: Db;
  /** The instant the run stands for (the cron slot, or `--at`). */
  now: Date;
  config: Config;
  calendar: WorkCalendar;
}

/**
 * Why a run skipped its usual work (details.skipped). The logs keep the English words;
 * `reform-bot run` shows them in the reader's language (cli.run.skipped.<code>).
 */
export const SKIPPED = {
  notWorkday: 'not a working day',
  noAdmins: 'no office admins',
  alreadyPosted: 'already posted this week',
  noDigestChannel: 'no digest channel',
} as const;

/** The facts a run can report. A closed list, so each has its label in both languages (cli.run.detail.<key>). */
export type JobDetailKey =
  | 'today'
  | 'day'
  | 'period'
  | 'skipped'
  | 'ready'
  | 'proposed'
  | 'admins'
  | 'items'
  | 'doneRate'
  | 'replies'
  | 'people'
  | 'groupMessages'
  | 'longOverdue'
  | 'plans'
  | 'prompts'
  | 'chases'
  | 'supervised'
  | 'chaseDay'
  | 'horizon'
  | 'outboxPruned'
  | 'jobRunsPruned'
  | 'pagesFreed'
  | 'freePages'
  | 'waiting'
  | 'escalated'
  | 'chart';

export interface JobResult {
  /** Outbox rows newly queued by this run (0 when re-run for the same period). */
  queued: number;
  /** Short facts for logs and the CLI, e.g. { people: 12, items: 40 }; `skipped` is a SKIPPED text. */
  details?: { [K in JobDetailKey]?: number | string };
}

export interface Job {
  name: JobName;
  /** The cron expression from config (SCHEDULE_* variables). */
  schedule(config: Config): string;
  run(ctx: JobContext): JobResult;
  /**
   * Work that must not sit inside the slot's transaction because it would hold the write lock
   * too long (housekeeping prunes in many short transactions). Runs after the slot committed,
   * from the scheduler and from `reform-bot run`; `signal` stops it early (shutdown).
   */
  afterCommit?(ctx: JobContext, signal: AbortSignal): Promise<JobResult['details']>;
  /**
   * `reform-bot run --at` refuses an instant after now: housekeeping run "as of next year" would
   * prune history that is not old yet.
   */
  pastInstantsOnly?: boolean;
}
