// Close-out (销账, docs/PRACTICE.md rule 7): which plans are ready, what was proposed, and closing a plan.
//
// A proposal is remembered per (plan, fingerprint); the fingerprint covers each item's id,
// version and status, so the same plan is proposed again only after one of its items changed
// (or an item was added or removed), whatever the admins answered last time.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { closeoutProposals, plans } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { closeoutFingerprint, isClosable } from '../domain/closeout.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import { doneForCloseout } from '../domain/review.ts';
import type { IsoDate, PlanStage, Status } from '../domain/types.ts';
import { confirmedDoneByPlan } from './reviews.ts';

/** REVIEW_REQUIRED_FOR_CLOSEOUT (README "Review of claimed results"): only confirmed done items count. */
export interface CloseoutRule {
  reviewRequired: boolean;
}

/** The done items close-out counts in one plan, under the rule. */
function countedDone(db: Db, planId: number, done: number, rule: CloseoutRule): number {
  if (!rule.reviewRequired) return done;
  return doneForCloseout({ done, confirmedDone: confirmedDoneByPlan(db, [planId]).get(planId) ?? 0 }, true);
}

export interface CloseoutCandidate {
  planId: number;
  code: string;
  title: string;
  groupCode: string | null;
  items: number;
  fingerprint: string;
}

/** The fingerprint of one plan's items as they are now. */
export function planFingerprint(db: Db, planId: number): { items: number; done: number; fingerprint: string } {
  const rows = db.$client.prepare('select id, version, status from items where plan_id = ?').raw(true).all(planId) as [
    number,
    number,
    Status,
  ][];
  return {
    items: rows.length,
    done: rows.filter((r) => r[2] === 'done').length,
    fingerprint: closeoutFingerprint(rows.map(([id, version, status]) => ({ id: `${id}@${version}`, status }))),
  };
}

/**
 * Plans not closed whose items are all done and which have not been proposed with their current
 * fingerprint, in natural code order. One grouped pass over the items finds the closable plans;
 * only those are read again for their fingerprint, so a large ledger costs one scan.
 */
export function findNewCloseoutCandidates(db: Db, rule: CloseoutRule): CloseoutCandidate[] {
  const closable = db.$client
    .prepare(
      `select p.id, p.code, p.title, p.stage, g.code as groupCode, count(i.id) as items, sum(i.status = 'done') as done
         from plans p join items i on i.plan_id = p.id left join groups g on g.id = p.lead_group_id
        where p.stage != 'closed'
        group by p.id
       having count(i.id) = sum(i.status = 'done')`,
    )
    .all() as {
    id: number;
    code: string;
    title: string;
    stage: PlanStage;
    groupCode: string | null;
    items: number;
    done: number;
  }[];
  const proposed = db.$client.prepare('select 1 from closeout_proposals where plan_id = ? and fingerprint = ?').pluck();
  const confirmed = rule.reviewRequired
    ? confirmedDoneByPlan(
        db,
        closable.map((row) => row.id),
      )
    : undefined;
  const out: CloseoutCandidate[] = [];
  for (const row of closable) {
    const done = doneForCloseout({ done: row.done, confirmedDone: confirmed?.get(row.id) ?? 0 }, rule.reviewRequired);
    if (!isClosable({ stage: row.stage, items: row.items, done })) continue;
    const { fingerprint } = planFingerprint(db, row.id);
    if (proposed.get(row.id, fingerprint) !== undefined) continue;
    out.push({
      planId: row.id,
      code: row.code,
      title: row.title,
      groupCode: row.groupCode,
      items: row.items,
      fingerprint,
    });
  }
  return out.sort((a, b) => compareNatural(a.code, b.code));
}

/** Records that these were proposed; returns the proposal ids in the same order. */
export function recordProposals(db: Db, candidates: readonly CloseoutCandidate[], at: Date): number[] {
  return candidates.map(
    (c) =>
      db
        .insert(closeoutProposals)
        .values({ planId: c.planId, fingerprint: c.fingerprint, proposedAt: at.toISOString() })
        .onConflictDoUpdate({
          target: [closeoutProposals.planId, closeoutProposals.fingerprint],
          set: { planId: c.planId },
        })
        .returning({ id: closeoutProposals.id })
        .get().id,
  );
}

export type CloseResult =
  | { kind: 'closed'; code: string; closedOn: IsoDate }
  | { kind: 'alreadyClosed'; code: string; closedOn: IsoDate | null; closedBy: string | null }
  | { kind: 'changed'; code: string; items: number; done: number }
  | { kind: 'notClosable'; code: string; items: number; done: number }
  | { kind: 'notFound' };

export interface CloseRequest {
  planId: number;
  by: string;
  today: IsoDate;
  at: Date;
  /** From a proposal button: refuse when the items changed since it was proposed. */
  expectedFingerprint?: string;
  /** From the CLI: close even if not every item is done. */
  force?: boolean;
  /** Absent: every reported done item counts. */
  rule?: CloseoutRule;
}

/** Closes a plan once; a second click or a retry finds it closed and changes nothing. */
export function closePlan(db: Db, req: CloseRequest): CloseResult {
  return writeTransaction(db, () => {
    const plan = db.select().from(plans).where(eq(plans.id, req.planId)).get();
    if (!plan) return { kind: 'notFound' } as const;
    if (plan.stage === 'closed')
      return { kind: 'alreadyClosed', code: plan.code, closedOn: plan.closedOn, closedBy: plan.closedBy } as const;
    const now = planFingerprint(db, plan.id);
    if (req.expectedFingerprint !== undefined && req.expectedFingerprint !== now.fingerprint) {
      return { kind: 'changed', code: plan.code, items: now.items, done: now.done } as const;
    }
    const done = countedDone(db, plan.id, now.done, req.rule ?? { reviewRequired: false });
    if (!req.force && !isClosable({ stage: plan.stage as PlanStage, items: now.items, done })) {
      return { kind: 'notClosable', code: plan.code, items: now.items, done } as const;
    }
    db.update(plans)
      .set({ stage: 'closed', closedOn: req.today, closedBy: req.by })
      .where(and(eq(plans.id, plan.id), ne(plans.stage, 'closed')))
      .run();
    const decided = { decision: 'confirmed', decidedBy: req.by, decidedAt: req.at.toISOString() };
    db.insert(closeoutProposals)
      .values({ planId: plan.id, fingerprint: now.fingerprint, proposedAt: req.at.toISOString(), ...decided })
      .onConflictDoUpdate({ target: [closeoutProposals.planId, closeoutProposals.fingerprint], set: decided })
      .run();
    return { kind: 'closed', code: plan.code, closedOn: req.today } as const;
  });
}

export type NotYetResult =
  | { kind: 'recorded'; code: string }
  | { kind: 'alreadyDecided'; code: string; decision: string; by: string | null }
  | { kind: 'alreadyClosed'; code: string; closedOn: IsoDate | null; closedBy: string | null }
  | { kind: 'notFound' };

/** "Not yet": remembered for this fingerprint, so the plan is not proposed again until it changes. */
export function decideNotYet(db: Db, req: { planId: number; fingerprint: string; by: string; at: Date }): NotYetResult {
  return writeTransaction(db, () => {
    const plan = db.select().from(plans).where(eq(plans.id, req.planId)).get();
    if (!plan) return { kind: 'notFound' } as const;
    if (plan.stage === 'closed')
      return { kind: 'alreadyClosed', code: plan.code, closedOn: plan.closedOn, closedBy: plan.closedBy } as const;
    const where = and(eq(closeoutProposals.planId, req.planId), eq(closeoutProposals.fingerprint, req.fingerprint));
    const updated = db
      .update(closeoutProposals)
      .set({ decision: 'not_yet', decidedBy: req.by, decidedAt: req.at.toISOString() })
      .where(and(where, isNull(closeoutProposals.decision)))
      .run();
    if (updated.changes > 0) return { kind: 'recorded', code: plan.code } as const;
    const existing = db.select().from(closeoutProposals).where(where).get();
    if (existing)
      return {
        kind: 'alreadyDecided',
        code: plan.code,
        decision: existing.decision ?? '',
        by: existing.decidedBy,
      } as const;
    // A button from a proposal we no longer hold (e.g. a restored database): remember the answer anyway.
    db.insert(closeoutProposals)
      .values({
        planId: req.planId,
        fingerprint: req.fingerprint,
        proposedAt: req.at.toISOString(),
        decision: 'not_yet',
        decidedBy: req.by,
        decidedAt: req.at.toISOString(),
      })
      .run();
    return { kind: 'recorded', code: plan.code } as const;
  });
}

export function findPlanByCode(
  db: Db,
  code: string,
): { id: number; code: string; title: string; stage: string } | undefined {
  return db
    .select({ id: plans.id, code: plans.code, title: plans.title, stage: plans.stage })
    .from(plans)
    .where(eq(plans.code, code))
    .get();
}
