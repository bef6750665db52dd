// A scheduled job is a function of (database, now): it decides what to send and writes it to the
// outbox. It never calls Slack. The same function runs from cron and from `reform-bot run`.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';

export const JOB_NAMES = ['followups', 'reminders', 'digest', 'closeout'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobContext {
  db: Db;
  /** The instant the run stands for (the cron slot, or `--at`). */
  now: Date;
  config: Config;
  calendar: WorkCalendar;
}

export interface JobResult {
  /** Outbox rows newly queued by this run (0 when re-run for the same period). */
  queued: number;
  /** Short facts for logs and the CLI, e.g. { people: 12, items: 40 }. */
  details?: Record<string, number | string>;
}

export interface Job {
  name: JobName;
  /** The cron expression from config (SCHEDULE_* variables). */
  schedule(config: Config): string;
  run(ctx: JobContext): JobResult;
}
