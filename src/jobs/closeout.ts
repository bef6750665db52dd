// Placeholder so the job registry compiles; the real body follows.
import type { Job } from './job.ts';

export const closeoutJob: Job = {
  name: 'closeout',
  schedule: (config) => config.SCHEDULE_CLOSEOUT,
  run: () => ({ queued: 0 }),
};
