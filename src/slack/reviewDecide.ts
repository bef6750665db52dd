// Deciding a review from Slack (README "Review of claimed results"), shared by the Confirm button
// and the return form: the decision and, for a return, the notices to the responsible people, in
// one transaction; then what to tell the person who decided, in their language.
import { itemRefText, statusLabel } from '../blocks/parts/index.ts';
import { actorText, formatInstant } from '../blocks/parts/who.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { asOfToday } from '../domain/asOfToday.ts';
import type { Reviewer } from '../domain/review.ts';
import type { Translate } from '../i18n/index.ts';
import { peopleConcernedBy } from '../store/home.ts';
import { type DecideResult, decideReview, type ReviewCheck, reviewPeople } from '../store/reviews.ts';
import type { SlackDeps } from './deps.ts';
import { refreshHomesLater } from './homeRefresh.ts';
import { queueReturnedNotices } from './reviewOutbox.ts';

export interface Decision {
  itemId: number;
  claimId: number;
  decision: 'confirmed' | 'returned';
  reviewer: Reviewer;
  reason?: string;
  requestKey: string;
}

export function decideAndTell(deps: SlackDeps, d: Decision): DecideResult {
  const now = deps.now();
  const today = asOfToday(now, deps).asOf;
  return writeTransaction(deps.db, () => {
    const result = decideReview(deps.db, { ...d, at: now, today });
    if (result.kind === 'decided' && result.review.state === 'returned')
      queueReturnedNotices(deps.db, deps.config, result.item, result.review, now);
    return result;
  });
}

/** After a decision: the Homes that list the claim or the item. */
export function refreshAfterDecision(deps: SlackDeps, userId: string, itemId: number): void {
  const people = reviewPeople(deps.db, itemId);
  refreshHomesLater(deps, [userId, ...people.liaisons, ...peopleConcernedBy(deps.db, itemId)]);
}

/**
 * What the person is told when their decision did not apply, or undefined when there is nothing
 * to say: the same person's second click (or Slack's redelivery) is the decision they already
 * made, and stays silent.
 */
export function notAppliedText(
  t: Translate,
  timeZone: string,
  userId: string,
  result: Exclude<ReviewCheck, { kind: 'open' }>,
): string | undefined {
  if (result.kind === 'notFound') return t('cmd.error.badButton');
  const ref = itemRefText(result.item.plan.code, result.item.code);
  switch (result.kind) {
    case 'alreadyDecided': {
      if (result.review.decidedBy === userId) return undefined;
      const params = {
        ref,
        who: actorText(result.review.decidedBy ?? '—'),
        when: result.review.decidedAt ? formatInstant(result.review.decidedAt, timeZone) : '—',
      };
      return result.review.state === 'confirmed'
        ? t('review.already.confirmed', params)
        : t('review.already.returned', params);
    }
    case 'superseded':
      return t('review.superseded', { ref, status: statusLabel(t, result.item.status) });
    case 'refused':
      return result.reason === 'ownClaim'
        ? t('review.refuse.ownClaim', { ref })
        : t('review.refuse.notReviewer', { ref });
  }
}
