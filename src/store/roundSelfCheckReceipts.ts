// What each self-check submission (by its view id) was answered with, so that Slack's
// redelivery of the same submission is answered with the same outcome and changes nothing.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { roundSelfCheckReceipts } from '../db/schema.ts';

export interface RecordedOutcome {
  kind: 'recorded' | 'unchanged';
  corrected: string[];
  applied: string[];
  keptNewer: string[];
}

const outcomeSchema = z.object({
  kind: z.enum(['recorded', 'unchanged']),
  corrected: z.array(z.string()),
  applied: z.array(z.string()),
  keptNewer: z.array(z.string()),
});

/** The outcome first given to this submission; undefined when it was never recorded (or unreadable). */
export function receiptFor(db: Db, requestKey: string): RecordedOutcome | undefined {
  const row = db
    .select({ outcome: roundSelfCheckReceipts.outcome })
    .from(roundSelfCheckReceipts)
    .where(eq(roundSelfCheckReceipts.requestKey, requestKey))
    .get();
  if (!row) return undefined;
  try {
    const parsed = outcomeSchema.safeParse(JSON.parse(row.outcome));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function keepReceipt(
  db: Db,
  r: { requestKey: string; roundId: number; planId: number; outcome: RecordedOutcome; at: Date },
): void {
  db.insert(roundSelfCheckReceipts)
    .values({
      requestKey: r.requestKey,
      roundId: r.roundId,
      planId: r.planId,
      outcome: JSON.stringify(r.outcome),
      recordedAt: r.at.toISOString(),
    })
    .run();
}
