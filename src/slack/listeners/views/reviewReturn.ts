// Submission of the return form (退回, README "Review of claimed results"). The reason is required
// and kept to the note limit; the return is decided before the ack (it takes milliseconds), so a
// problem is answered in the form. The request key `view:<view id>` makes a redelivered
// submission apply once. After the ack: the review request it came from shows the outcome, the
// reviewer is told, and the Homes that list the claim are refreshed.
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { reviewRequestMessage, withReviewOutcome } from '../../../blocks/messages/review.ts';
import { decodeReturnMetadata, RETURN_BLOCKS, RETURN_INPUT } from '../../../blocks/modals/reviewReturn.ts';
import { itemRefText, section } from '../../../blocks/parts/index.ts';
import { retryWhileBusy } from '../../../db/busy.ts';
import { NOTE_MAX, noteLength } from '../../../domain/notes.ts';
import { type Translate, translator } from '../../../i18n/index.ts';
import { loadReviewer } from '../../../store/reviews.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { decideAndTell, notAppliedText, refreshAfterDecision } from '../../reviewDecide.ts';
import { reviewRequestData } from '../../reviewOutbox.ts';
import { SAVE_BEFORE_ACK_MS } from '../../saveItemChange.ts';
import { errorsOnViewBlocks, formOutOfDate, noticeModal, viewValues } from '../../viewInputs.ts';

type Values = Record<string, Record<string, { value?: string | null }>>;

/** The form replaced by a notice in mrkdwn (it names people). */
function noticeView(t: Translate, text: string) {
  return { response_action: 'update' as const, view: { ...noticeModal(t, text), blocks: [section(text)] } };
}

export function reviewReturnSubmit(deps: SlackDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    const meta = decodeReturnMetadata(view.private_metadata);
    if (!meta) {
      await ack(formOutOfDate(view, t));
      return;
    }
    const reason = ((viewValues(view) as Values)[RETURN_BLOCKS.reason]?.[RETURN_INPUT]?.value ?? '').trim();
    const problem = !reason
      ? t('review.modal.reasonRequired')
      : noteLength(reason) > NOTE_MAX
        ? t('review.modal.reasonTooLong', { length: noteLength(reason), max: NOTE_MAX })
        : undefined;
    if (problem) {
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, { [RETURN_BLOCKS.reason]: problem }) });
      return;
    }
    let result: ReturnType<typeof decideAndTell>;
    try {
      result = await retryWhileBusy(
        () =>
          decideAndTell(deps, {
            itemId: meta.itemId,
            claimId: meta.claimId,
            decision: 'returned',
            reason,
            reviewer: loadReviewer(deps.db, userId),
            requestKey: `view:${view.id}`,
          }),
        { budgetMs: SAVE_BEFORE_ACK_MS },
      );
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message }, 'review return could not be saved');
      await ack({
        response_action: 'errors',
        errors: errorsOnViewBlocks(view, { [RETURN_BLOCKS.reason]: t('review.failed') }),
      });
      return;
    }
    if (result.kind !== 'decided') {
      const text = notAppliedText(t, deps.config.REFORM_TZ, userId, result);
      // The same person's decision already stands (Slack redelivered the submission): just close.
      await ack(text ? noticeView(t, text) : undefined);
      return;
    }
    await ack();
    const { item, review } = result;
    refreshAfterDecision(deps, userId, item.id);
    try {
      if (meta.message) {
        const claim = { claimId: review.claimId, claimedBy: review.claimedBy, claimedAt: review.claimedAt };
        const request = reviewRequestMessage(t, reviewRequestData(deps.db, deps.config, item, claim, deps.now()));
        const outcome = {
          kind: 'returned' as const,
          by: userId,
          at: review.decidedAt ?? '',
          timeZone: deps.config.REFORM_TZ,
        };
        await client.chat.update({
          channel: meta.message.channel,
          ts: meta.message.ts,
          text: request.text,
          blocks: withReviewOutcome(t, request.blocks, meta, outcome) as never,
        });
      } else {
        const ref = itemRefText(item.plan.code, item.code);
        await client.chat.postMessage({ channel: userId, ...buildNotice(t('review.done.returned', { ref })) });
      }
    } catch (error) {
      deps.log.warn({ userId, err: (error as Error).message }, 'return saved, the reviewer could not be told');
    }
  };
}
