// Review of claimed results (审核 / 退回, README "Review of claimed results"): the claim an item's
// done status rests on, the review row of each claim, and deciding it. A decision is one
// transaction: the review row goes from pending to confirmed or returned only while it is
// pending (the first decision wins), the item's history records it, and a return puts the item
// back to started through changeItem (so its history carries the reason).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemHistory, itemReviews, type ReviewState } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { mayReview, type Reviewer } from '../domain/review.ts';
import type { IsoDate, Status } from '../domain/types.ts';
import { changeItem, getItem, type ItemDetail } from './items.ts';

export type ReviewRow = typeof itemReviews.$inferSelect;

export interface Claim {
  /** The item_history row that set the status to done; 0 when the item has none (imported as done). */
  claimId: number;
  claimedBy: string | null;
  claimedAt: string | null;
}

/** The claim an item's done status rests on now: its latest change of status to done. */
export function currentClaim(db: Db, itemId: number): Claim {
  const row = db.$client
    .prepare(
      `select id, actor, at from item_history where item_id = ? and field = 'status' and to_value = 'done'
        order by id desc limit 1`,
    )
    .get(itemId) as { id: number; actor: string; at: string } | undefined;
  return row
    ? { claimId: row.id, claimedBy: row.actor, claimedAt: row.at }
    : { claimId: 0, claimedBy: null, claimedAt: null };
}

/** Opens the review of a claim once; returns its id (the existing row's for a claim seen before). */
export function openReview(db: Db, itemId: number, claim: Claim): number {
  db.insert(itemReviews)
    .values({ itemId, claimId: claim.claimId, claimedBy: claim.claimedBy, claimedAt: claim.claimedAt })
    .onConflictDoNothing({ target: [itemReviews.itemId, itemReviews.claimId] })
    .run();
  return (reviewOf(db, itemId, claim.claimId) as ReviewRow).id;
}

function reviewOf(db: Db, itemId: number, claimId: number): ReviewRow | undefined {
  return db
    .select()
    .from(itemReviews)
    .where(and(eq(itemReviews.itemId, itemId), eq(itemReviews.claimId, claimId)))
    .get();
}

/** The item's current claim and its review (absent while nobody was asked or decided). */
function currentReview(db: Db, itemId: number): Claim & { review?: ReviewRow } {
  const claim = currentClaim(db, itemId);
  const review = reviewOf(db, itemId, claim.claimId);
  return { ...claim, ...(review ? { review } : {}) };
}

export function loadReviewer(db: Db, userId: string): Reviewer {
  const isAdmin = db.$client.prepare('select 1 from admins where user_id = ?').get(userId) !== undefined;
  const groups = db.$client
    .prepare(`select group_id from group_members where user_id = ? and role = 'liaison'`)
    .pluck()
    .all(userId) as number[];
  return { userId, isAdmin, liaisonOf: new Set(groups) };
}

/** The people around an item's review: its lead group's liaisons, the office admins, and the responsible departments' members. */
export function reviewPeople(db: Db, itemId: number): { liaisons: string[]; admins: string[]; responsible: string[] } {
  const liaisons = db.$client
    .prepare(
      `select m.user_id from group_members m join plans p on p.lead_group_id = m.group_id join items i on i.plan_id = p.id
        where i.id = ? and m.role = 'liaison' order by m.user_id`,
    )
    .pluck()
    .all(itemId) as string[];
  const admins = db.$client.prepare('select user_id from admins order by user_id').pluck().all() as string[];
  const responsible = db.$client
    .prepare(
      `select distinct m.user_id from department_members m join item_departments d on d.department_id = m.department_id
        where d.item_id = ? order by m.user_id`,
    )
    .pluck()
    .all(itemId) as string[];
  return { liaisons, admins, responsible };
}

interface DecideRequest {
  itemId: number;
  /** The claim the person was shown (a button carries it). */
  claimId: number;
  decision: Exclude<ReviewState, 'pending'>;
  reviewer: Reviewer;
  at: Date;
  /** The office's date of the decision (REFORM_TZ). */
  today: IsoDate;
  /** Required for a return (the caller checks it is there and within the note limit). */
  reason?: string;
  /** The click or submission: its history rows are written once. */
  requestKey: string;
}

export type DecideResult =
  | { kind: 'decided'; review: ReviewRow; item: ItemDetail }
  | { kind: 'alreadyDecided'; review: ReviewRow; item: ItemDetail }
  /** The item is no longer done, or was claimed done again since: this claim is not the one to decide. */
  | { kind: 'superseded'; item: ItemDetail }
  | { kind: 'refused'; reason: 'notReviewer' | 'ownClaim'; item: ItemDetail }
  | { kind: 'notFound' };

/** What a decision on this claim would meet, read without writing (the Return button asks before its form opens). */
export type ReviewCheck =
  | { kind: 'open'; item: ItemDetail; claim: Claim; existing?: ReviewRow }
  | Exclude<DecideResult, { kind: 'decided' }>;

export function checkReview(db: Db, req: Pick<DecideRequest, 'itemId' | 'claimId' | 'reviewer'>): ReviewCheck {
  const item = getItem(db, req.itemId);
  if (!item) return { kind: 'notFound' };
  const existing = reviewOf(db, req.itemId, req.claimId);
  // A decided claim answers who decided, whatever happened to the item since.
  if (existing && existing.state !== 'pending') return { kind: 'alreadyDecided', review: existing, item };
  const claim = currentClaim(db, req.itemId);
  if (item.status !== 'done' || claim.claimId !== req.claimId) return { kind: 'superseded', item };
  const allowed = mayReview(req.reviewer, { leadGroupId: item.leadGroup?.id ?? null }, claim.claimedBy);
  if (!allowed.allowed) return { kind: 'refused', reason: allowed.reason, item };
  return { kind: 'open', item, claim, ...(existing ? { existing } : {}) };
}

export function decideReview(db: Db, req: DecideRequest): DecideResult {
  // One connection, synchronous: every query below runs inside the transaction, including those
  // that read through the raw client.
  return writeTransaction(db, () => {
    const check = checkReview(db, req);
    if (check.kind !== 'open') return check;
    const { item, claim, existing } = check;
    const reviewId = existing?.id ?? openReview(db, req.itemId, claim);
    const at = req.at.toISOString();
    db.update(itemReviews)
      .set({
        state: req.decision,
        decidedBy: req.reviewer.userId,
        decidedAt: at,
        decidedOn: req.today,
        reason: req.decision === 'returned' ? (req.reason ?? null) : null,
      })
      .where(and(eq(itemReviews.id, reviewId), eq(itemReviews.state, 'pending')))
      .run();
    if (req.decision === 'returned') {
      // Back to started, the reason on the status change (and as the item's latest note). First:
      // changeItem takes a history row with this request key for a redelivery of the change.
      changeItem(db, {
        itemId: item.id,
        status: 'started',
        note: req.reason,
        actor: req.reviewer.userId,
        source: 'slack',
        at: req.at,
        requestKey: req.requestKey,
      });
    }
    db.insert(itemHistory)
      .values({
        itemId: item.id,
        field: 'review',
        fromValue: 'pending',
        toValue: req.decision,
        note: null,
        actor: req.reviewer.userId,
        source: 'slack',
        at,
        requestKey: req.requestKey,
      })
      .run();
    const review = db.select().from(itemReviews).where(eq(itemReviews.id, reviewId)).get() as ReviewRow;
    return { kind: 'decided', review, item: getItem(db, item.id) as ItemDetail } as const;
  });
}

export interface PendingReview {
  itemId: number;
  claimId: number;
  version: number;
  planCode: string;
  itemCode: string;
  title: string;
  claimedBy: string | null;
  claimedAt: string | null;
}

/**
 * Claims waiting for this reviewer (App Home): pending reviews of items still done on that claim,
 * in the plans whose lead group they liaise for (all plans for an admin), not their own claims
 * unless they are an admin. Oldest claim first; `total` counts them all.
 */
export function pendingReviewsFor(db: Db, reviewer: Reviewer, limit: number): { rows: PendingReview[]; total: number } {
  const groups = [...reviewer.liaisonOf];
  if (!reviewer.isAdmin && groups.length === 0) return { rows: [], total: 0 };
  const scope = reviewer.isAdmin
    ? ''
    : `and p.lead_group_id in (${groups.map(() => '?').join(',')}) and coalesce(r.claimed_by, '') != ?`;
  const params = reviewer.isAdmin ? [] : [...groups, reviewer.userId];
  const from = `from item_reviews r join items i on i.id = r.item_id join plans p on p.id = i.plan_id
   where r.state = 'pending' and i.status = 'done' and p.stage != 'closed'
     and r.claim_id = coalesce((select max(h.id) from item_history h
                                 where h.item_id = i.id and h.field = 'status' and h.to_value = 'done'), 0)
     ${scope}`;
  const rows = db.$client
    .prepare(
      `select i.id as itemId, r.claim_id as claimId, i.version, p.code as planCode, i.code as itemCode, i.title,
              r.claimed_by as claimedBy, r.claimed_at as claimedAt
       ${from} order by r.claimed_at, r.id limit ?`,
    )
    .all(...params, limit) as PendingReview[];
  const total = db.$client
    .prepare(`select count(*) ${from}`)
    .pluck()
    .get(...params) as number;
  return { rows, total };
}

/** Claims returned with a decision dated after `after` and up to `through` (the digest's week). */
export function returnedBetween(db: Db, after: IsoDate, through: IsoDate): number {
  return db.$client
    .prepare(`select count(*) from item_reviews where state = 'returned' and decided_on > ? and decided_on <= ?`)
    .pluck()
    .get(after, through) as number;
}

/**
 * Per plan, its done items whose current claim a reviewer confirmed (close-out with
 * REVIEW_REQUIRED_FOR_CLOSEOUT). Plans without any are absent.
 */
export function confirmedDoneByPlan(db: Db, planIds: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (planIds.length === 0) return out;
  const rows = db.$client
    .prepare(
      `select i.plan_id as planId, count(*) as n from items i join item_reviews r on r.item_id = i.id
        where i.plan_id in (select value from json_each(?)) and i.status = 'done' and r.state = 'confirmed'
          and r.claim_id = coalesce((select max(h.id) from item_history h
                                      where h.item_id = i.id and h.field = 'status' and h.to_value = 'done'), 0)
        group by i.plan_id`,
    )
    .all(JSON.stringify(planIds)) as { planId: number; n: number }[];
  for (const row of rows) out.set(row.planId, row.n);
  return out;
}

/** A done item's claim as the card shows it: `unasked` when no review row exists (imported as done). */
export interface ReviewView {
  claimId: number;
  state: ReviewState | 'unasked';
  decidedBy: string | null;
  decidedAt: string | null;
  claimedBy: string | null;
}

export function reviewViewOf(db: Db, item: { id: number; status: Status }): ReviewView | undefined {
  if (item.status !== 'done') return undefined;
  const current = currentReview(db, item.id);
  return {
    claimId: current.claimId,
    state: current.review?.state ?? 'unasked',
    decidedBy: current.review?.decidedBy ?? null,
    decidedAt: current.review?.decidedAt ?? null,
    claimedBy: current.claimedBy,
  };
}

/** The evidence note written with a claim (its status row), if any. */
export function claimNote(db: Db, claimId: number): string | null {
  if (claimId === 0) return null;
  return (
    (db.$client.prepare('select note from item_history where id = ?').pluck().get(claimId) as string | null) ?? null
  );
}
