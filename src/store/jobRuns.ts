// Scheduled job runs (job_runs). The unique index on (job, scheduled_for) is what makes a slot run
// once: the scheduler, the catch-up at start-up and a second process all try to insert the same
// row, and only one insert succeeds. The insert shares a transaction with the job's enqueues, so
// a crash leaves either both or neither.
import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobRuns } from '../db/schema.ts';

export type JobRun = typeof jobRuns.$inferSelect;

/**
 * Claims a slot inside the caller's transaction. A slot recorded with an error (the job threw)
 * may be claimed again: a failed run sent nothing, so retrying it cannot double anything.
 * Returns false when the slot already ran successfully (or is being run by someone else).
 */
export function claimSlot(db: Db, job: string, scheduledFor: Date, startedAt: Date): boolean {
  const slot = scheduledFor.toISOString();
  db.delete(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.scheduledFor, slot), isNull(jobRuns.finishedAt)))
    .run();
  const result = db
    .insert(jobRuns)
    .values({ job, scheduledFor: slot, startedAt: startedAt.toISOString() })
    .onConflictDoNothing({ target: [jobRuns.job, jobRuns.scheduledFor] })
    .run();
  return result.changes > 0;
}

export function finishSlot(db: Db, job: string, scheduledFor: Date, finishedAt: Date, queued: number): void {
  db.update(jobRuns)
    .set({ finishedAt: finishedAt.toISOString(), queued, error: null })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.scheduledFor, scheduledFor.toISOString())))
    .run();
}

/**
 * Records that a slot's run failed. Written outside the (rolled back) job transaction, with no
 * finishedAt, so `claimSlot` lets the next attempt replace it.
 */
export function recordFailure(db: Db, job: string, scheduledFor: Date, at: Date, error: string): void {
  db.insert(jobRuns)
    .values({ job, scheduledFor: scheduledFor.toISOString(), startedAt: at.toISOString(), error })
    .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.scheduledFor], set: { error, startedAt: at.toISOString() } })
    .run();
}

/** Completed slots of a job within [from, to], newest first. */
export function doneSlotsBetween(db: Db, job: string, from: Date, to: Date): Set<string> {
  const rows = db
    .select({ scheduledFor: jobRuns.scheduledFor, finishedAt: jobRuns.finishedAt })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        gte(jobRuns.scheduledFor, from.toISOString()),
        lte(jobRuns.scheduledFor, to.toISOString()),
      ),
    )
    .orderBy(desc(jobRuns.scheduledFor))
    .all();
  return new Set(rows.filter((r) => r.finishedAt !== null).map((r) => r.scheduledFor));
}

export function listJobRuns(db: Db, job?: string, limit = 50): JobRun[] {
  const query = db.select().from(jobRuns);
  const filtered = job ? query.where(eq(jobRuns.job, job)) : query;
  return filtered.orderBy(desc(jobRuns.scheduledFor)).limit(limit).all();
}
