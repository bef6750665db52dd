// The close-out proposal's buttons. Confirm (office admins only) closes the plan once: stage
// 'closed', closed_on = today in REFORM_TZ, closed_by = the admin; a double click or a click on
// another admin's copy finds it closed. Not yet is remembered until the plan's items change.
// Either way the clicked message is updated to say who decided what.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { type CloseoutOutcome, decodeCloseoutValue, withCloseoutOutcome } from '../../../blocks/messages/closeout.ts';
import { escapeMrkdwn } from '../../../blocks/mrkdwn.ts';
import { actorText as who } from '../../../blocks/parts/index.ts';
import { DatabaseBusyError, retryWhileBusy } from '../../../db/busy.ts';
import { asOfToday } from '../../../domain/asOfToday.ts';
import { mayAdminister } from '../../../domain/permissions.ts';
import type { Locale } from '../../../domain/types.ts';
import { type Translate, translator } from '../../../i18n/index.ts';
import { closePlan, decideNotYet } from '../../../store/closeout.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { answer, answerTargetOf } from '../../respond.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Longer than a CLI command may hold the write lock (CLI_WRITE_LOCK_BUDGET_MS). */
const CLOSEOUT_SAVE_BUDGET_MS = 10_000;
type Decision = { outcome?: CloseoutOutcome; tell?: string };

/**
 * The plan was closed before this click. Another admin (or the CLI) is named; the admin who
 * closed it is told nothing: their double click or Slack's redelivery is the same decision, and
 * the message already says "closed by you" (updated again here in case that update was lost).
 */
function alreadyClosed(
  t: Translate,
  userId: string,
  result: { code: string; closedBy: string | null; closedOn: string | null },
): Decision {
  const outcome: CloseoutOutcome = { kind: 'closed', by: result.closedBy ?? '—', on: result.closedOn ?? '—' };
  if (result.closedBy === userId) return { outcome };
  return {
    outcome,
    tell: t('closeout.already', {
      code: escapeMrkdwn(result.code),
      who: who(result.closedBy ?? '—'),
      on: result.closedOn ?? '—',
    }),
  };
}

function decideConfirm(deps: SlackDeps, userId: string, planId: number, fingerprint: string, locale: Locale): Decision {
  const t = translator(locale);
  const now = deps.now();
  const today = asOfToday(now, deps).asOf;
  const result = closePlan(deps.db, {
    planId,
    by: userId,
    today,
    at: now,
    expectedFingerprint: fingerprint,
    rule: { reviewRequired: deps.config.REVIEW_REQUIRED_FOR_CLOSEOUT },
  });
  switch (result.kind) {
    case 'closed':
      return { outcome: { kind: 'closed', by: userId, on: today } };
    case 'alreadyClosed':
      return alreadyClosed(t, userId, result);
    case 'changed':
    case 'notClosable':
      return { outcome: { kind: 'changed', items: result.items, done: result.done } };
    case 'notFound':
      return { tell: t('closeout.notFound') };
  }
}

function decideLater(deps: SlackDeps, userId: string, planId: number, fingerprint: string, locale: Locale): Decision {
  const t = translator(locale);
  const result = decideNotYet(deps.db, { planId, fingerprint, by: userId, at: deps.now() });
  switch (result.kind) {
    case 'recorded':
      return { outcome: { kind: 'notYet', by: userId } };
    case 'alreadyDecided':
      return {
        outcome: result.decision === 'not_yet' ? { kind: 'notYet', by: result.by ?? '—' } : undefined,
        tell:
          result.by === userId
            ? undefined
            : t('closeout.alreadyDecided', { code: escapeMrkdwn(result.code), who: who(result.by ?? '—') }),
      };
    case 'alreadyClosed':
      return alreadyClosed(t, userId, result);
    case 'notFound':
      return { tell: t('closeout.notFound') };
  }
}

function closeoutButton(deps: SlackDeps, decide: typeof decideConfirm) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const locale = await localeFor(client, deps, userId);
    const t = translator(locale);
    const value = decodeCloseoutValue(action.value);
    if (!value) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: t('flow.buttonOutOfDate') }).catch(
        () => {},
      );
      return;
    }
    let decision: Decision;
    if (!mayAdminister(loadPerson(deps.db, userId)).allowed) decision = { tell: t('closeout.refuse.notAdmin') };
    else {
      try {
        // After the ack there is time: wait out an office command (bounded), off the event loop.
        decision = await retryWhileBusy(() => decide(deps, userId, value.planId, value.fingerprint, locale), {
          budgetMs: CLOSEOUT_SAVE_BUDGET_MS,
        });
      } catch (error) {
        deps.log.error({ err: (error as Error).message, planId: value.planId }, 'close-out button: could not record');
        decision = { tell: error instanceof DatabaseBusyError ? t('cmd.error.busy') : t('closeout.failed') };
      }
    }
    const message = body.message as { ts?: string; text?: string; blocks?: unknown[] } | undefined;
    if (decision.outcome && message?.ts && message.blocks && body.channel?.id) {
      try {
        await client.chat.update({
          channel: body.channel.id,
          ts: message.ts,
          text: message.text ?? '',
          blocks: withCloseoutOutcome(t, message.blocks, value.planId, decision.outcome) as never,
        });
      } catch (error) {
        deps.log.warn({ err: (error as Error).message }, 'close-out button: could not update the message');
      }
    }
    if (decision.tell) {
      try {
        await answer(
          answerTargetOf({ respond, client, userId, responseUrl: body.response_url }),
          buildNotice(decision.tell),
        );
      } catch (error) {
        deps.log.warn({ err: (error as Error).message }, 'close-out button: could not answer the person');
      }
    }
  };
}

export const closeoutConfirmAction = (deps: SlackDeps) => closeoutButton(deps, decideConfirm);
export const closeoutNotYetAction = (deps: SlackDeps) => closeoutButton(deps, decideLater);
