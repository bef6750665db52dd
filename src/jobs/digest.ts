// Placeholder so the job registry compiles; the real body follows.
import type { Job } from './job.ts';

export const digestJob: Job = {
  name: 'digest',
  schedule: (config) => config.SCHEDULE_DIGEST,
  run: () => ({ queued: 0 }),
};
