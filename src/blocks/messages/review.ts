// Review of claimed results (审核 / 退回, README "Review of claimed results"): the request a
// reviewer gets by DM when an item is marked done, with Confirm / Return; the same buttons for the
// item card and App Home; the line that replaces them once decided; and the notice the
// responsible people get when a result is returned. Pure.
import type { types } from '@slack/bolt';
import type { Translate } from '../../i18n/index.ts';
import { versionedCodec, wireId } from '../codec.ts';
import { ACTIONS, encodeItemButton } from '../ids.ts';
import {
  actorText,
  type Block,
  context,
  escapeClip,
  formatInstant,
  header,
  itemRefText,
  plain,
  type SlackMessage,
  section,
} from '../parts/index.ts';

/** What a review button carries: the item and the claim (its status row) the person was shown. */
export interface ReviewButtonValue {
  itemId: number;
  claimId: number;
}

const reviewButtonCodec = versionedCodec({
  version: 1,
  wire: { i: wireId, c: wireId },
  toWire: (v: ReviewButtonValue) => ({ i: v.itemId, c: v.claimId }),
  fromWire: (w): ReviewButtonValue => ({ itemId: w.i, claimId: w.c }),
});

const encodeReviewButton = (v: ReviewButtonValue): string => reviewButtonCodec.encode(v);
export const decodeReviewButton = (raw: string | undefined): ReviewButtonValue | undefined =>
  reviewButtonCodec.decode(raw);

/** The request's header block: tells a clicked request from a card that carries the same buttons. */
const REVIEW_REQUEST_BLOCK = 'review-request';

export function isReviewRequest(blocks: readonly unknown[] | undefined): boolean {
  return (blocks ?? []).some((b) => (b as { block_id?: string }).block_id === REVIEW_REQUEST_BLOCK);
}

/** The block holding a claim's buttons; replaced by the outcome once decided. */
const reviewActionsId = (v: ReviewButtonValue): string => `review-actions-${v.itemId}-${v.claimId}`;

const TITLE_MAX = 300;
/** Evidence notes are at most 3,000 characters; the request shows the start, the card the rest. */
const NOTE_SHOWN_MAX = 2500;

export function reviewButtons(t: Translate, value: ReviewButtonValue): Block {
  const encoded = encodeReviewButton(value);
  const confirm: types.Button = {
    type: 'button',
    action_id: ACTIONS.reviewConfirm,
    style: 'primary',
    value: encoded,
    text: plain(t('review.button.confirm')),
  };
  const giveBack: types.Button = {
    type: 'button',
    action_id: ACTIONS.reviewReturn,
    style: 'danger',
    value: encoded,
    text: plain(t('review.button.return')),
  };
  return { type: 'actions', block_id: reviewActionsId(value), elements: [confirm, giveBack] };
}

export interface ReviewRequestData {
  itemId: number;
  claimId: number;
  planCode: string;
  planTitle: string;
  itemCode: string;
  title: string;
  claimedBy: string;
  claimedAt: string;
  note: string | null;
  timeZone: string;
}

export function reviewRequestMessage(t: Translate, d: ReviewRequestData): SlackMessage {
  const ref = itemRefText(d.planCode, d.itemCode);
  const title = escapeClip(d.title, TITLE_MAX);
  const who = actorText(d.claimedBy);
  const blocks: Block[] = [
    { ...header(t('review.request.header')), block_id: REVIEW_REQUEST_BLOCK },
    section(
      t('review.request.body', {
        ref,
        title,
        plan: `${escapeClip(d.planCode, 40)} ${escapeClip(d.planTitle, TITLE_MAX)}`,
        who,
        when: formatInstant(d.claimedAt, d.timeZone),
      }),
    ),
    section(
      d.note ? t('review.request.note', { note: escapeClip(d.note, NOTE_SHOWN_MAX) }) : t('review.request.noNote'),
    ),
    reviewButtons(t, { itemId: d.itemId, claimId: d.claimId }),
    context(t('review.request.hint')),
  ];
  return { text: t('review.request.text', { ref, title: escapeClip(d.title, 100), who }), blocks };
}

export type ReviewOutcome =
  | { kind: 'confirmed' | 'returned'; by: string; at: string; timeZone: string }
  | { kind: 'superseded'; statusLabel: string };

function reviewOutcomeText(t: Translate, outcome: ReviewOutcome): string {
  if (outcome.kind === 'superseded') return t('review.outcome.superseded', { status: outcome.statusLabel });
  const params = { who: actorText(outcome.by), when: formatInstant(outcome.at, outcome.timeZone) };
  return outcome.kind === 'confirmed' ? t('review.outcome.confirmed', params) : t('review.outcome.returned', params);
}

/** The message as it was (the blocks Slack sent back with the click), this claim's buttons replaced by the outcome. */
export function withReviewOutcome(
  t: Translate,
  blocks: readonly unknown[],
  value: ReviewButtonValue,
  outcome: ReviewOutcome,
): unknown[] {
  const id = reviewActionsId(value);
  return blocks.map((block) =>
    (block as { block_id?: string }).block_id === id
      ? { ...context(reviewOutcomeText(t, outcome)), block_id: id }
      : block,
  );
}

/** True when the message holds this claim's buttons (a review request or a card, not a Home). */
export function hasReviewButtons(blocks: readonly unknown[] | undefined, value: ReviewButtonValue): boolean {
  const id = reviewActionsId(value);
  return (blocks ?? []).some((b) => (b as { block_id?: string }).block_id === id);
}

export interface ReturnedNoticeData {
  itemId: number;
  version: number;
  planCode: string;
  itemCode: string;
  title: string;
  returnedBy: string;
  returnedAt: string;
  reason: string;
  timeZone: string;
}

/** To each responsible person: who returned the result, when, why, and a button to update the item. */
export function returnedNoticeMessage(t: Translate, d: ReturnedNoticeData): SlackMessage {
  const ref = itemRefText(d.planCode, d.itemCode);
  const who = actorText(d.returnedBy);
  const blocks: Block[] = [
    header(t('review.returnedNotice.header')),
    section(
      t('review.returnedNotice.body', {
        ref,
        title: escapeClip(d.title, TITLE_MAX),
        who,
        when: formatInstant(d.returnedAt, d.timeZone),
      }),
    ),
    section(t('review.returnedNotice.reason', { reason: escapeClip(d.reason, NOTE_SHOWN_MAX) })),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.itemOpenUpdate,
          value: encodeItemButton({ itemId: d.itemId, version: d.version }),
          text: plain(t('review.returnedNotice.update')),
        },
      ],
    },
  ];
  return {
    text: t('review.returnedNotice.text', {
      ref,
      title: escapeClip(d.title, 100),
      who,
      reason: escapeClip(d.reason, 1000),
    }),
    blocks,
  };
}
