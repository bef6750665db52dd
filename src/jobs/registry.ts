// Every scheduled job, by name: the scheduler arms them all, `reform-bot run <name>` runs one.
import { closeoutJob } from './closeout.ts';
import { digestJob } from './digest.ts';
import { extensionsJob } from './extensions.ts';
import { followupsJob } from './followups.ts';
import { housekeepingJob } from './housekeeping.ts';
import { JOB_NAMES, type Job, type JobName } from './job.ts';
import { remindersJob } from './reminders.ts';

export const JOBS: Readonly<Record<JobName, Job>> = {
  followups: followupsJob,
  reminders: remindersJob,
  digest: digestJob,
  closeout: closeoutJob,
  housekeeping: housekeepingJob,
  extensions: extensionsJob,
};

export const ALL_JOBS: readonly Job[] = JOB_NAMES.map((name) => JOBS[name]);

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}
