// The two messages review queues through the outbox (README "Review of claimed results"), each in
// the transaction of the change it reports, so a saved claim or return is never left untold and a
// retried request tells nobody twice (the outbox keys name the claim):
//   - a done claim from Slack → a review request to the lead group's liaisons (office admins when
//     it has none), with Confirm / Return;
//   - a return → a notice to the responsible departments' members and the claimant, with the reason.
// The dispatcher sends them within its poll interval (src/outbox/dispatcher.ts).
import {
  type ReturnedNoticeData,
  type ReviewRequestData,
  returnedNoticeMessage,
  reviewRequestMessage,
} from '../blocks/messages/review.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { reviewRecipients } from '../domain/review.ts';
import { translator } from '../i18n/index.ts';
import { getItem, type ItemDetail } from '../store/items.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { type Claim, claimNote, currentClaim, openReview, type ReviewRow, reviewPeople } from '../store/reviews.ts';

const REVIEW_REQUEST_KIND = 'review.request';
const REVIEW_RETURNED_KIND = 'review.returned';

type ReviewConfig = Pick<Config, 'REFORM_LOCALE' | 'REFORM_TZ'>;

/** What a review request shows; also rebuilt to mark a request decided from the return form. */
export function reviewRequestData(
  db: Db,
  config: ReviewConfig,
  item: ItemDetail,
  claim: Claim,
  now: Date,
): ReviewRequestData {
  return {
    itemId: item.id,
    claimId: claim.claimId,
    planCode: item.plan.code,
    planTitle: item.plan.title,
    itemCode: item.code,
    title: item.title,
    claimedBy: claim.claimedBy ?? '—',
    claimedAt: claim.claimedAt ?? now.toISOString(),
    note: claimNote(db, claim.claimId),
    timeZone: config.REFORM_TZ,
  };
}

/** Opens the review of a claim made in Slack and asks its reviewers. Returns how many were asked. */
export function queueReviewRequests(db: Db, config: ReviewConfig, item: ItemDetail, claim: Claim, now: Date): number {
  openReview(db, item.id, claim);
  const people = reviewPeople(db, item.id);
  const recipients = reviewRecipients({ ...people, claimedBy: claim.claimedBy });
  const locales = recipientLocales(db, recipients, config.REFORM_LOCALE);
  const data = reviewRequestData(db, config, item, claim, now);
  let queued = 0;
  for (const reviewer of recipients) {
    const payload = reviewRequestMessage(translator(locales.get(reviewer) ?? config.REFORM_LOCALE), data);
    const key = outboxKey(REVIEW_REQUEST_KIND, reviewer, `item-${item.id}`, `claim-${claim.claimId}`);
    if (enqueue(db, { idempotencyKey: key, kind: REVIEW_REQUEST_KIND, target: reviewer, payload }, now)) queued += 1;
  }
  return queued;
}

/**
 * The items of `itemIds` that are done now were just claimed done in Slack by another path than a
 * single change (a round self-check's corrections): each current claim is asked about once.
 */
export function queueReviewRequestsForDone(
  db: Db,
  config: ReviewConfig,
  itemIds: readonly number[],
  now: Date,
): number {
  let queued = 0;
  for (const itemId of itemIds) {
    const item = getItem(db, itemId);
    if (item?.status === 'done') queued += queueReviewRequests(db, config, item, currentClaim(db, itemId), now);
  }
  return queued;
}

/** Tells the responsible people (and the claimant) that a result was returned, and why. */
export function queueReturnedNotices(
  db: Db,
  config: ReviewConfig,
  item: ItemDetail,
  review: ReviewRow,
  now: Date,
): number {
  const people = reviewPeople(db, item.id);
  const told = [...new Set([...people.responsible, ...(review.claimedBy ? [review.claimedBy] : [])])].filter(
    (u) => u !== review.decidedBy && /^[UW][A-Z0-9]+$/.test(u),
  );
  const locales = recipientLocales(db, told, config.REFORM_LOCALE);
  const data: ReturnedNoticeData = {
    itemId: item.id,
    version: item.version,
    planCode: item.plan.code,
    itemCode: item.code,
    title: item.title,
    returnedBy: review.decidedBy ?? '—',
    returnedAt: review.decidedAt ?? now.toISOString(),
    reason: review.reason ?? '',
    timeZone: config.REFORM_TZ,
  };
  let queued = 0;
  for (const person of told) {
    const payload = returnedNoticeMessage(translator(locales.get(person) ?? config.REFORM_LOCALE), data);
    const key = outboxKey(REVIEW_RETURNED_KIND, person, `item-${item.id}`, `claim-${review.claimId}`);
    if (enqueue(db, { idempotencyKey: key, kind: REVIEW_RETURNED_KIND, target: person, payload }, now)) queued += 1;
  }
  return queued;
}
