// Runs one job for one instant, exactly once per (job, instant): the job_runs row and every
// outbox row the job queues are written in ONE transaction, so after a crash either the slot is
// recorded and its messages are queued, or neither (and the catch-up runs it again).

import { writeTransaction } from '../db/writeTransaction.ts';
import { claimSlot, finishSlot, recordFailure } from '../store/jobRuns.ts';
import type { Job, JobContext, JobResult } from './job.ts';

export type SlotOutcome =
  | { status: 'ran'; result: JobResult }
  /** The slot was already recorded: nothing ran. */
  | { status: 'skipped' }
  | { status: 'failed'; error: Error };

export interface RunSlotOptions {
  /** When the run actually happens (the slot may be in the past during catch-up). */
  startedAt: Date;
  /**
   * `reform-bot run`: run even when the slot is already recorded. Safe because every outbox
   * row's idempotency key carries the period, so a re-run queues nothing already queued.
   */
  force?: boolean;
}

/** `ctx.now` is the slot: the job judges "today", lights and periods at that instant. */
export function runSlot(job: Job, ctx: JobContext, options: RunSlotOptions): SlotOutcome {
  const { db, now: slot } = ctx;
  try {
    const outcome = writeTransaction(db, (): SlotOutcome => {
      const claimed = claimSlot(db, job.name, slot, options.startedAt);
      if (!claimed && !options.force) return { status: 'skipped' };
      const result = job.run(ctx);
      if (claimed) finishSlot(db, job.name, slot, options.startedAt, result.queued);
      return { status: 'ran', result };
    });
    return outcome;
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    // The transaction rolled back (nothing queued); keep a trace so the failure is visible and
    // the next start-up's catch-up retries the slot.
    try {
      recordFailure(db, job.name, slot, options.startedAt, err.message.slice(0, 500));
    } catch {
      // the database itself is failing; the caller logs the original error
    }
    return { status: 'failed', error: err };
  }
}
