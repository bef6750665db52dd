// How the scheduler has a slot run: on this thread (an in-memory database, tests, the fallback)
// or on the job thread (jobThread.ts, the bot). Either way the outcome comes back as a promise,
// and runSlot's transaction keeps the slot exactly-once.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { Job } from './job.ts';
import { runSlot, type SlotOutcome } from './runSlot.ts';

export type SlotRunner = (job: Job, slot: Date, startedAt: Date) => Promise<SlotOutcome>;

/** Runs the slot synchronously on the calling thread (the promise is already settled). */
export function runSlotsHere(deps: { db: Db; config: Config; calendar: WorkCalendar }): SlotRunner {
  return (job, slot, startedAt) =>
    Promise.resolve(
      runSlot(job, { db: deps.db, now: slot, config: deps.config, calendar: deps.calendar }, { startedAt }),
    );
}
