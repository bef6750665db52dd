// The follow-up prompt's button: checks who clicked, then opens the docking-arrangement modal.
// Refusals (not in the group, arrangement already recorded) are told to the person alone and change nothing.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { followupData } from '../../../blocks/messages/followup.ts';
import { arrangementModal } from '../../../blocks/modals/arrangement.ts';
import { escapeMrkdwn } from '../../../blocks/mrkdwn.ts';
import { actorText as who } from '../../../blocks/parts/index.ts';
import { todayIn } from '../../../domain/dates.ts';
import { mayRecordArrangement } from '../../../domain/permissions.ts';
import { translator } from '../../../i18n/index.ts';
import { type CentralPlanView, getCentralPlan } from '../../../store/centralPlans.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { openModal } from '../../openModal.ts';
import { answer, answerTargetOf } from '../../respond.ts';

/** Why a person may not record the arrangement, or undefined when they may. */
export function followupRefusal(
  deps: SlackDeps,
  userId: string,
  plan: CentralPlanView | undefined,
  locale: Parameters<typeof translator>[0],
): string | undefined {
  const t = translator(locale);
  if (!plan) return t('followup.refuse.notFound');
  if (!mayRecordArrangement(loadPerson(deps.db, userId), plan.group.id).allowed)
    return t('followup.refuse.notMember', { group: escapeMrkdwn(plan.group.code) });
  if (plan.arrangement)
    return t('followup.already', {
      who: who(plan.arrangement.by),
      on: todayIn(new Date(plan.arrangement.at), deps.config.REFORM_TZ),
    });
  return undefined;
}

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export function arrangementAction(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    // The modal must open within the trigger's 3 seconds: never wait long for users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const id = Number(action.value);
    const plan = Number.isSafeInteger(id) ? getCentralPlan(deps.db, id) : undefined;
    const refusal = followupRefusal(deps, userId, plan, locale);
    try {
      if (refusal || !plan) {
        await answer(target, buildNotice(refusal ?? ''));
        return;
      }
      const modal = {
        client,
        triggerId: body.trigger_id,
        locale,
        log: deps.log,
        tellFailure: target,
        context: { userId, centralPlanId: id, flow: 'docking arrangement' },
      };
      await openModal(
        modal,
        arrangementModal(translator(locale), followupData(plan), {
          centralPlanId: plan.id,
          ...(body.channel?.id ? { channel: body.channel.id } : {}),
        }),
      );
    } catch (error) {
      deps.log.warn(
        { err: (error as Error).message, userId, centralPlanId: id },
        'docking arrangement button: could not answer',
      );
    }
  };
}
