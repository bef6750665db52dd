// Confirm and Return on a claimed result (README "Review of claimed results"), wherever the
// buttons are: the review request (DM), the item card, App Home. Confirm decides at once; Return
// first checks the claim can still be returned by this person, then opens the reason form
// (views/reviewReturn.ts). The first decision wins: a click on another reviewer's copy, or on
// a claim superseded since, is told so and changes nothing; the same person's second click is
// silent. On a review request the buttons give way to the outcome; on a card the card is
// replaced by a fresh one under the answer.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import {
  decodeReviewButton,
  hasReviewButtons,
  isReviewRequest,
  type ReviewButtonValue,
  type ReviewOutcome,
  withReviewOutcome,
} from '../../../blocks/messages/review.ts';
import { reviewReturnModal } from '../../../blocks/modals/reviewReturn.ts';
import { itemRefText, statusLabel } from '../../../blocks/parts/index.ts';
import { retryWhileBusy } from '../../../db/busy.ts';
import { type Translate, translator } from '../../../i18n/index.ts';
import { loadPerson } from '../../../store/people.ts';
import { checkReview, type DecideResult, loadReviewer } from '../../../store/reviews.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { openModal } from '../../openModal.ts';
import { type AnswerTarget, answer } from '../../respond.ts';
import { decideAndTell, notAppliedText, refreshAfterDecision } from '../../reviewDecide.ts';
import { itemCardFor } from '../commands/itemCardFor.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type Clicked = { ts?: string; text?: string; blocks?: unknown[] } | undefined;

/** Longer than a CLI command may hold the write lock (as close-out's buttons wait). */
const REVIEW_SAVE_BUDGET_MS = 10_000;

function outcomeOf(t: Translate, timeZone: string, result: DecideResult): ReviewOutcome | undefined {
  if (result.kind === 'decided' || result.kind === 'alreadyDecided') {
    const { state, decidedBy, decidedAt } = result.review;
    if (state === 'pending') return undefined;
    return { kind: state, by: decidedBy ?? '—', at: decidedAt ?? '', timeZone };
  }
  if (result.kind === 'superseded') return { kind: 'superseded', statusLabel: statusLabel(t, result.item.status) };
  return undefined;
}

/** Says what happened where the click came from. */
async function answerReviewClick(
  deps: SlackDeps,
  t: Translate,
  click: { target: AnswerTarget; userId: string; value: ReviewButtonValue; clicked: Clicked },
  result: DecideResult,
): Promise<void> {
  const { target, userId, value, clicked } = click;
  const timeZone = deps.config.REFORM_TZ;
  let tell: string | undefined;
  if (result.kind === 'decided') {
    const ref = itemRefText(result.item.plan.code, result.item.code);
    tell =
      result.review.state === 'returned' ? t('review.done.returned', { ref }) : t('review.done.confirmed', { ref });
  } else tell = notAppliedText(t, timeZone, userId, result);
  if (clicked?.blocks && isReviewRequest(clicked.blocks)) {
    const outcome = outcomeOf(t, timeZone, result);
    if (outcome) {
      const blocks = withReviewOutcome(t, clicked.blocks, value, outcome);
      await answer(target, { text: clicked.text ?? '', blocks: blocks as never }, { replace: true });
    }
    // The updated request says it for the one who decided; anyone else is told why nothing changed.
    if (tell && result.kind !== 'decided') await answer(target, buildNotice(tell));
    return;
  }
  if (!tell) return;
  const item = 'item' in result ? result.item : undefined;
  if (item && clicked?.blocks && hasReviewButtons(clicked.blocks, value)) {
    // A card: replaced by the fresh card under the answer.
    const card = itemCardFor(deps, t, item, loadPerson(deps.db, userId));
    await answer(target, buildNotice(tell, card), { replace: true });
    return;
  }
  await answer(target, buildNotice(tell));
}

export function reviewConfirm(deps: SlackDeps): Middleware<Args> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    const t = translator(await localeFor(client, deps, userId));
    const target = { respond, hasResponseUrl: Boolean(body.response_url), client, userId };
    const value = decodeReviewButton(action.value);
    try {
      if (!value) {
        await answer(target, buildNotice(t('flow.buttonOutOfDate')));
        return;
      }
      const result = await retryWhileBusy(
        () =>
          decideAndTell(deps, {
            ...value,
            decision: 'confirmed',
            reviewer: loadReviewer(deps.db, userId),
            // Slack redelivers an unacknowledged click with the same action_ts.
            requestKey: `action:${action.action_ts}`,
          }),
        { budgetMs: REVIEW_SAVE_BUDGET_MS },
      );
      if (result.kind === 'decided') refreshAfterDecision(deps, userId, value.itemId);
      await answerReviewClick(deps, t, { target, userId, value, clicked: body.message as Clicked }, result);
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message }, 'review confirm failed');
      await answer(target, buildNotice(t('review.failed'))).catch(() => {});
    }
  };
}

export function reviewReturn(deps: SlackDeps): Middleware<Args> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    // The trigger expires 3 s after the click: the locale may not wait for a slow users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const t = translator(locale);
    const target = { respond, hasResponseUrl: Boolean(body.response_url), client, userId };
    const value = decodeReviewButton(action.value);
    try {
      if (!value) {
        await answer(target, buildNotice(t('flow.buttonOutOfDate')));
        return;
      }
      const check = checkReview(deps.db, { ...value, reviewer: loadReviewer(deps.db, userId) });
      const clicked = body.message as Clicked;
      if (check.kind !== 'open') {
        await answerReviewClick(deps, t, { target, userId, value, clicked }, check);
        return;
      }
      // From a review request the form remembers that message, to mark it returned once saved.
      const channel = body.channel?.id;
      const message =
        clicked?.ts && channel && isReviewRequest(clicked.blocks) ? { channel, ts: clicked.ts } : undefined;
      const view = reviewReturnModal(
        t,
        {
          planCode: check.item.plan.code,
          itemCode: check.item.code,
          title: check.item.title,
          claimedBy: check.claim.claimedBy,
        },
        { ...value, ...(message ? { message } : {}) },
      );
      await openModal(
        { client, triggerId: body.trigger_id, locale, log: deps.log, tellFailure: target, context: { ...value } },
        view,
      );
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message }, 'review return failed');
      await answer(target, buildNotice(t('review.failed'))).catch(() => {});
    }
  };
}
