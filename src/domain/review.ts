// Review of claimed results (审核 / 退回, docs/PRACTICE.md rule 10, README "Review of claimed results"): who is asked to
// review a done claim, who may decide it, and what close-out counts as done. Pure.

/** What deciding a review needs to know about a person (store/reviews.ts loadReviewer). */
export interface Reviewer {
  userId: string;
  isAdmin: boolean;
  /** Groups where the person is a liaison (联络员). */
  liaisonOf: ReadonlySet<number>;
}

export type ReviewDecision = { allowed: true } | { allowed: false; reason: 'notReviewer' | 'ownClaim' };

/**
 * The lead group's liaison or an office admin may confirm or return a claim. A liaison may not
 * decide a claim they made themselves (a review by the claimant is no review); an office admin
 * may, as admins may do everything (docs/PRACTICE.md "Who may do what").
 */
export function mayReview(
  reviewer: Reviewer,
  item: { leadGroupId: number | null },
  claimedBy: string | null,
): ReviewDecision {
  if (reviewer.isAdmin) return { allowed: true };
  if (item.leadGroupId === null || !reviewer.liaisonOf.has(item.leadGroupId))
    return { allowed: false, reason: 'notReviewer' };
  if (claimedBy === reviewer.userId) return { allowed: false, reason: 'ownClaim' };
  return { allowed: true };
}

/**
 * Who is asked to review a claim: the lead group's liaisons; the office admins when the group has
 * none (or the plan no group). The claimant is never asked about their own claim; when that
 * leaves nobody, nobody is asked (the claim waits on the card and App Home).
 */
export function reviewRecipients(p: {
  liaisons: readonly string[];
  admins: readonly string[];
  claimedBy: string | null;
}): string[] {
  const others = (list: readonly string[]) => [...new Set(list)].filter((u) => u !== p.claimedBy);
  const liaisons = others(p.liaisons);
  return liaisons.length > 0 ? liaisons : others(p.admins);
}

/**
 * The done items close-out counts: every reported done item, or with REVIEW_REQUIRED_FOR_CLOSEOUT
 * only those whose current claim a reviewer confirmed.
 */
export function doneForCloseout(counts: { done: number; confirmedDone: number }, reviewRequired: boolean): number {
  return reviewRequired ? counts.confirmedDone : counts.done;
}
