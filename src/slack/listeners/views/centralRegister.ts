// The registration modal submitted: the same validation as `reform-bot central add`, errors shown
// under the inputs; registering the same plan twice (a retried submission) adds nothing.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { CENTRAL_BLOCKS, groupIdOfOption } from '../../../blocks/modals/centralRegister.ts';
import { escapeClip } from '../../../blocks/parts/text.ts';
import { DatabaseBusyError, retryWhileBusy } from '../../../db/busy.ts';
import { mayAdminister } from '../../../domain/permissions.ts';
import { translator } from '../../../i18n/index.ts';
import { type CentralField, groupCodeOf, registerCentralPlan } from '../../../store/centralPlans.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { isSlackRedelivery } from '../../redelivery.ts';
import { SAVE_BEFORE_ACK_MS } from '../../saveItemChange.ts';
import { errorsOnViewBlocks, viewValues } from '../../viewInputs.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const BLOCK_OF: Record<CentralField, string> = {
  title: CENTRAL_BLOCKS.title,
  passedOn: CENTRAL_BLOCKS.passedOn,
  group: CENTRAL_BLOCKS.group,
  meeting: CENTRAL_BLOCKS.meeting,
  url: CENTRAL_BLOCKS.url,
};

export function centralRegisterSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const userId = body.user.id;
    // Errors must go back in the ack, within 3 seconds: never wait long for users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const t = translator(locale);
    if (!mayAdminister(loadPerson(deps.db, userId)).allowed) {
      await ack({ response_action: 'errors', errors: { [CENTRAL_BLOCKS.title]: t('central.refuse.notAdmin') } });
      return;
    }
    const values = viewValues(view);
    const v = (block: string) => values[block]?.value;
    const group = v(CENTRAL_BLOCKS.group);
    // A chosen option carries the group's id; a typed code (more groups than a select holds) is the code.
    const groupId = groupIdOfOption(group?.selected_option?.value);
    const register = () =>
      registerCentralPlan(
        deps.db,
        {
          title: v(CENTRAL_BLOCKS.title)?.value ?? '',
          passedOn: v(CENTRAL_BLOCKS.passedOn)?.selected_date ?? '',
          groupId,
          groupCode: groupId === undefined ? (group?.value ?? '') : '',
          meeting: v(CENTRAL_BLOCKS.meeting)?.value ?? undefined,
          url: v(CENTRAL_BLOCKS.url)?.value ?? undefined,
          createdBy: userId,
        },
        { now: deps.now(), timeZone: deps.config.REFORM_TZ, deadlineDays: deps.config.FOLLOWUP_DEADLINE_DAYS },
      );
    let result: ReturnType<typeof register>;
    try {
      result = await retryWhileBusy(register, { budgetMs: SAVE_BEFORE_ACK_MS });
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      await ack({ response_action: 'errors', errors: { [CENTRAL_BLOCKS.title]: t('cmd.error.busy') } });
      return;
    }
    if (result.kind === 'invalid') {
      const errors: Record<string, string> = {};
      for (const p of result.problems) errors[BLOCK_OF[p.field]] ??= t(`central.error.${p.code}`);
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, errors) });
      return;
    }
    await ack();
    // A redelivered submission finds the plan its first delivery registered and confirmed:
    // "not registered twice" would be a second message about one registration.
    if (result.kind === 'existing' && isSlackRedelivery(context)) return;
    const title = escapeClip((v(CENTRAL_BLOCKS.title)?.value ?? '').trim(), 300);
    const text =
      result.kind === 'created'
        ? t('central.registered', {
            id: result.id,
            title,
            due: result.arrangementDueOn,
            group: escapeClip(groupCodeOf(deps.db, groupId) ?? group?.value ?? '', 150),
          })
        : t('central.existing', { id: result.id, title, due: result.arrangementDueOn });
    try {
      await client.chat.postMessage({ channel: userId, text });
    } catch (error) {
      deps.log.warn(
        { err: (error as Error).message, userId },
        'central plan registered; could not confirm to the person',
      );
    }
  };
}
