// Approve / Refuse on an extension request (the approvers' DM, the office's escalation). The
// first answer decides, once (store/extensions.ts decideExtension): the clicked message and the
// other copies show who decided what, the requester is told by DM (queued with the decision), and
// a later click on another copy is told who decided before. A double click or Slack's redelivery
// by the same person changes nothing and says nothing more.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeExtensionDecisionValue } from '../../../blocks/extensionCodecs.ts';
import { actorText } from '../../../blocks/parts/index.ts';
import { DatabaseBusyError, retryWhileBusy } from '../../../db/busy.ts';
import type { ExtensionDecision } from '../../../db/schema.ts';
import { extensionApprovers, mayDecideExtension } from '../../../domain/extensions.ts';
import { translator } from '../../../i18n/index.ts';
import { approverPool, decideExtension, getExtensionRequest } from '../../../store/extensions.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { getItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { showDecisionOnCopies, withDecidedOutcomes } from '../../extensionCopies.ts';
import { queueExtensionDecision } from '../../extensionOutbox.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { localeFor } from '../../locale.ts';
import { answer, answerTargetOf } from '../../respond.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Longer than a CLI command may hold the write lock (as the close-out buttons wait). */
const DECISION_SAVE_BUDGET_MS = 10_000;

function extensionButton(deps: SlackDeps, decision: ExtensionDecision) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const locale = await localeFor(client, deps, userId);
    const t = translator(locale);
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    const tell = (text: string) =>
      answer(target, buildNotice(text)).catch((error: Error) =>
        deps.log.warn({ err: error.message }, 'extension decision: could not answer the person'),
      );
    const value = decodeExtensionDecisionValue(action.value);
    if (!value) return tell(t('flow.buttonOutOfDate'));
    const request = getExtensionRequest(deps.db, value.requestId);
    const item = request ? getItem(deps.db, request.itemId) : undefined;
    if (!request || !item) return tell(t('extension.gone'));
    const approvers = extensionApprovers(approverPool(deps.db, item), request.requestedBy);
    if (!mayDecideExtension(loadPerson(deps.db, userId), approvers)) return tell(t('extension.refuse.notApprover'));

    let result: ReturnType<typeof decideExtension>;
    try {
      // After the ack there is time: wait out an office command (bounded), off the event loop.
      result = await retryWhileBusy(
        () =>
          decideExtension(deps.db, { requestId: request.id, by: userId, decision, at: deps.now() }, (decided) =>
            queueExtensionDecision(deps.db, deps.config, decided, deps.now()),
          ),
        { budgetMs: DECISION_SAVE_BUDGET_MS },
      );
    } catch (error) {
      deps.log.error({ err: (error as Error).message, requestId: request.id }, 'extension decision: could not record');
      return tell(error instanceof DatabaseBusyError ? t('cmd.error.busy') : t('extension.failed'));
    }
    if (result.kind === 'notFound') return tell(t('extension.gone'));

    // The clicked message shows the outcome in place of the buttons (redrawn on a repeat too, in case the first update was lost).
    const message = body.message as { ts?: string; text?: string; blocks?: unknown[] } | undefined;
    if (message?.ts && message.blocks && body.channel?.id) {
      await client.chat
        .update({
          channel: body.channel.id,
          ts: message.ts,
          text: message.text ?? '',
          blocks: withDecidedOutcomes(deps.db, t, message.blocks) as never,
        })
        .catch((error: Error) =>
          deps.log.warn({ err: error.message }, 'extension decision: could not update the message'),
        );
    }
    if (result.kind === 'alreadyDecided') {
      const first = result.request;
      if (first.decidedBy === userId) return;
      return tell(
        t('extension.already', {
          who: actorText(first.decidedBy ?? '—'),
          decision: t(`extension.decision.${first.decision ?? 'approved'}`),
        }),
      );
    }
    if (decision === 'approved') refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, item.id)]);
    await showDecisionOnCopies(deps, client, request.id, { channel: body.channel?.id, ts: message?.ts });
  };
}

export const extensionApproveAction = (deps: SlackDeps) => extensionButton(deps, 'approved');
export const extensionRefuseAction = (deps: SlackDeps) => extensionButton(deps, 'refused');
