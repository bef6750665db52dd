// Placeholder so the job registry compiles; the real body follows.
import type { Job } from './job.ts';

export const followupsJob: Job = {
  name: 'followups',
  schedule: (config) => config.SCHEDULE_FOLLOWUPS,
  run: () => ({ queued: 0 }),
};
