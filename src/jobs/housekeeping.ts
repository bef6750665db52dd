// Daily housekeeping: the outbox and job_runs grow by every message and every slot; rows older
// than RETENTION_DAYS are pruned, and the freed pages handed back (incremental_vacuum).
//
// The horizon (RETENTION_DAYS before the slot) is recorded first, in the slot's transaction, and
// only then is anything deleted (afterCommit, in short transactions): from the moment a row may
// be gone, `reform-bot run --at` refuses instants before the horizon, since a re-run there could
// queue again a message whose idempotency key was pruned. Outbox rows are kept one week longer
// than the horizon: a key's period is at most an ISO week, so every key a run at or after the
// horizon could produce is still there.
import { advancePrunedBefore, prunedBefore } from '../store/retention.ts';
import { sweep } from './housekeepingSweep.ts';
import type { Job, JobContext, JobResult } from './job.ts';

const DAY_MS = 86_400_000;
/** The longest period an outbox key names (the digest's ISO week). */
const LONGEST_KEY_PERIOD_DAYS = 7;

/** The retention horizon for a run at `now`. */
export function retentionHorizon(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Outbox rows older than this go: the horizon less the longest period a key names. */
export function outboxPruneBefore(horizon: Date): Date {
  return new Date(horizon.getTime() - LONGEST_KEY_PERIOD_DAYS * DAY_MS);
}

function runHousekeeping({ db, now, config }: JobContext): JobResult {
  const horizon = advancePrunedBefore(db, retentionHorizon(now, config.RETENTION_DAYS));
  return { queued: 0, details: { horizon: horizon.toISOString() } };
}

async function pruneAndVacuum({ db }: JobContext, signal: AbortSignal): Promise<JobResult['details']> {
  // The horizon in force, which the slot's transaction has just advanced (or a later one).
  const horizon = prunedBefore(db);
  if (!horizon) return {};
  const report = await sweep(db, { outboxBefore: outboxPruneBefore(horizon), jobRunsBefore: horizon, signal });
  return { ...report };
}

export const housekeepingJob: Job = {
  name: 'housekeeping',
  schedule: (config) => config.SCHEDULE_HOUSEKEEPING,
  run: runHousekeeping,
  afterCommit: pruneAndVacuum,
  pastInstantsOnly: true,
};
