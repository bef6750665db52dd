// The docking-arrangement modal submitted: validate, record once, close the modal, then confirm
// in the prompt's thread (the channel prompt's ts from its outbox row) or, before the prompt was
// posted or when the person clicked in a direct message, to the person.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type ArrangementData, followupConfirmationMessage, followupData } from '../../../blocks/messages/followup.ts';
import { ARRANGEMENT_BLOCKS, decodeArrangementMetadata } from '../../../blocks/modals/arrangement.ts';
import { DatabaseBusyError, retryWhileBusy } from '../../../db/busy.ts';
import { isIsoDate, todayIn } from '../../../domain/dates.ts';
import type { Locale } from '../../../domain/types.ts';
import { translator } from '../../../i18n/index.ts';
import {
  ARRANGEMENT_DEPARTMENT_MAX,
  ARRANGEMENT_NOTE_MAX,
  type CentralPlanView,
  getCentralPlan,
  promptThread,
  recordArrangement,
} from '../../../store/centralPlans.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { SAVE_BEFORE_ACK_MS } from '../../saveItemChange.ts';
import { errorsOnViewBlocks, formOutOfDate, viewValues } from '../../viewInputs.ts';
import { followupRefusal } from '../actions/arrangement.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = ViewSubmitAction['view']['state']['values'];

const input = (values: Values, block: string) => values[block]?.value;

export interface ParsedArrangement {
  leadDepartment: string;
  draftsPlan: boolean;
  targetOn: string | null;
  note: string | null;
}

/** The arrangement, or the error to show under each input that is wrong. */
function parseArrangement(
  values: Values,
  plan: CentralPlanView,
  locale: Locale,
): { arrangement: ParsedArrangement } | { errors: Record<string, string> } {
  const t = translator(locale);
  const errors: Record<string, string> = {};
  const lead = (input(values, ARRANGEMENT_BLOCKS.lead)?.value ?? '').trim();
  if (lead === '') errors[ARRANGEMENT_BLOCKS.lead] = t('followup.error.leadRequired');
  else if (Array.from(lead).length > ARRANGEMENT_DEPARTMENT_MAX)
    errors[ARRANGEMENT_BLOCKS.lead] = t('followup.error.leadTooLong', { max: ARRANGEMENT_DEPARTMENT_MAX });
  const drafts = input(values, ARRANGEMENT_BLOCKS.drafts)?.selected_option?.value;
  if (drafts !== 'yes' && drafts !== 'no') errors[ARRANGEMENT_BLOCKS.drafts] = t('followup.error.draftsRequired');
  const target = input(values, ARRANGEMENT_BLOCKS.target)?.selected_date ?? null;
  if (target !== null && !isIsoDate(target)) errors[ARRANGEMENT_BLOCKS.target] = t('central.error.badDate');
  else if (target === null && drafts === 'yes') errors[ARRANGEMENT_BLOCKS.target] = t('followup.error.targetRequired');
  else if (target !== null && target < plan.passedOn)
    errors[ARRANGEMENT_BLOCKS.target] = t('followup.error.targetBeforePassed', { passedOn: plan.passedOn });
  const note = (input(values, ARRANGEMENT_BLOCKS.note)?.value ?? '').trim();
  if (Array.from(note).length > ARRANGEMENT_NOTE_MAX)
    errors[ARRANGEMENT_BLOCKS.note] = t('followup.error.noteTooLong', { max: ARRANGEMENT_NOTE_MAX });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    arrangement: {
      leadDepartment: lead,
      draftsPlan: drafts === 'yes',
      targetOn: target,
      note: note === '' ? null : note,
    },
  };
}

/**
 * This very arrangement is already recorded, by this person: Slack redelivered the submission (or
 * the person pressed Send twice). The first delivery confirmed it; this one only closes the
 * modal, rather than showing "already sent by <@U…>" under a field of a form that succeeded.
 */
function isOwnRecordedArrangement(plan: CentralPlanView, userId: string, values: Values, locale: Locale): boolean {
  const recorded = plan.arrangement;
  if (!recorded || recorded.by !== userId) return false;
  const parsed = parseArrangement(values, plan, locale);
  if ('errors' in parsed) return false;
  const a = parsed.arrangement;
  return (
    a.leadDepartment === recorded.leadDepartment &&
    a.draftsPlan === recorded.draftsPlan &&
    a.targetOn === recorded.targetOn &&
    a.note === recorded.note
  );
}

export function arrangementSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const userId = body.user.id;
    // Errors must go back in the ack, within 3 seconds: never wait long for users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const meta = decodeArrangementMetadata(view.private_metadata);
    if (!meta) {
      await ack(formOutOfDate(view, translator(locale)));
      return;
    }
    const plan = getCentralPlan(deps.db, meta.centralPlanId);
    // A redelivery of the arrangement this person already sent: it was recorded and confirmed once.
    if (plan && isOwnRecordedArrangement(plan, userId, viewValues(view), locale)) {
      await ack();
      return;
    }
    const refusal = followupRefusal(deps, userId, plan, locale);
    if (refusal || !plan) {
      await ack({
        response_action: 'errors',
        errors: errorsOnViewBlocks(view, {
          [ARRANGEMENT_BLOCKS.lead]: refusal ?? translator(locale)('followup.refuse.notFound'),
        }),
      });
      return;
    }
    const parsed = parseArrangement(viewValues(view), plan, locale);
    if ('errors' in parsed) {
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, parsed.errors) });
      return;
    }
    const now = deps.now();
    let outcome: ReturnType<typeof recordArrangement>;
    try {
      outcome = await retryWhileBusy(
        () => recordArrangement(deps.db, plan.id, { ...parsed.arrangement, by: userId, at: now }),
        {
          budgetMs: SAVE_BEFORE_ACK_MS,
        },
      );
    } catch (error) {
      deps.log.error(
        { err: (error as Error).message, centralPlanId: plan.id },
        'docking arrangement: could not record',
      );
      const t = translator(locale);
      await ack({
        response_action: 'errors',
        errors: {
          [ARRANGEMENT_BLOCKS.lead]: error instanceof DatabaseBusyError ? t('cmd.error.busy') : t('followup.failed'),
        },
      });
      return;
    }
    await ack();
    if (outcome !== 'recorded') return; // a second submission of the same modal: already confirmed once

    const arrangement: ArrangementData = { by: userId, on: todayIn(now, deps.config.REFORM_TZ), ...parsed.arrangement };
    const data = followupData(plan);
    const thread = promptThread(deps.db, plan.id);
    let confirmedInThread = false;
    if (thread) {
      try {
        await client.chat.postMessage({
          channel: thread.channel,
          thread_ts: thread.ts,
          ...followupConfirmationMessage(translator(deps.config.REFORM_LOCALE), data, arrangement),
        });
        confirmedInThread = true;
      } catch (error) {
        deps.log.warn(
          { err: (error as Error).message, channel: thread.channel },
          'docking arrangement: could not confirm in the thread',
        );
      }
    }
    if (!confirmedInThread || meta.channel?.startsWith('D')) {
      try {
        await client.chat.postMessage({
          channel: userId,
          ...followupConfirmationMessage(translator(locale), data, arrangement),
        });
      } catch (error) {
        deps.log.warn(
          { err: (error as Error).message, userId },
          'docking arrangement: could not confirm to the person',
        );
      }
    }
  };
}
