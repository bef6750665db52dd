// Submission of the self-check modal. Everything is decided before the ack, because invalid
// input is answered inline (response_action 'errors') and the result replaces the modal
// (response_action 'update'); the work is a few synchronous SQLite statements, well within 3 s.
// The view id is the submission's identity: Slack's retries of the same submission record once
// and are answered with the outcome the first delivery was given (the modal is what they see).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { decodeSelfCheckMetadata, SELF_CHECK_INPUTS } from '../../../blocks/modals/roundSelfCheck.ts';
import {
  roundSelfCheckDoneView,
  roundSelfCheckNotFoundView,
  roundSelfCheckRefusedView,
} from '../../../blocks/modals/roundSelfCheckResult.ts';
import { readSelfCheckSubmission, type SubmittedValues } from '../../../blocks/modals/roundSelfCheckSubmission.ts';
import { DatabaseBusyError, retryWhileBusy } from '../../../db/busy.ts';
import { writeTransaction } from '../../../db/writeTransaction.ts';
import { mayFillRound } from '../../../domain/permissions.ts';
import { translator } from '../../../i18n/index.ts';
import { loadPerson } from '../../../store/people.ts';
import { loadSelfCheck, recordSelfCheck } from '../../../store/roundSelfCheck.ts';
import type { SlackDeps } from '../../deps.ts';
import { queueReviewRequestsForDone } from '../../reviewOutbox.ts';
import { SAVE_BEFORE_ACK_MS } from '../../saveItemChange.ts';
import { errorsOnViewBlocks, formOutOfDate, viewValues } from '../../viewInputs.ts';

export function roundSelfCheckSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = decodeSelfCheckMetadata(view.private_metadata);
    const locale = meta?.locale ?? deps.config.REFORM_LOCALE;
    const userId = body.user.id;
    if (!meta) {
      await ack(formOutOfDate(view, translator(locale)));
      return;
    }
    const t = translator(locale);
    const data = loadSelfCheck(deps.db, meta.roundId, meta.planId);
    if (!data) {
      await ack({ response_action: 'update', view: roundSelfCheckNotFoundView(t) });
      return;
    }
    // Checked again on submit: roles may have changed since the modal was opened.
    const decision = mayFillRound(loadPerson(deps.db, userId), data.round.kind, data.plan.leadGroupId);
    if (!decision.allowed) {
      deps.log.info(
        { userId, roundId: meta.roundId, planId: meta.planId, reason: decision.reason },
        'round self-check submission refused',
      );
      await ack({
        response_action: 'update',
        view: roundSelfCheckRefusedView(t, decision, data.round, data.plan.code),
      });
      return;
    }
    const reading = readSelfCheckSubmission(viewValues(view) as SubmittedValues, data, meta.layout, t);
    if (!reading.ok) {
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, reading.errors) });
      return;
    }
    const now = deps.now();
    const record = () =>
      recordSelfCheck(deps.db, {
        roundId: meta.roundId,
        planId: meta.planId,
        userId,
        now,
        checks: reading.checks,
        note: reading.note,
        confirmed: reading.confirmed,
        requestKey: view.id,
        liveNote: t('round.liveNote', { id: meta.roundId }),
      });
    // Corrections to done that reached the live items are claims like any other: their reviewers
    // are asked in the same transaction (README "Review of claimed results").
    const save = () =>
      writeTransaction(deps.db, () => {
        const recorded = record();
        if (recorded.kind !== 'notFound' && !recorded.repeated) {
          const applied = new Set(recorded.applied);
          const ids = data.items.filter((i) => applied.has(i.code)).map((i) => i.itemId);
          queueReviewRequestsForDone(deps.db, deps.config, ids, now);
        }
        return recorded;
      });
    let result: ReturnType<typeof save>;
    try {
      result = await retryWhileBusy(save, { budgetMs: SAVE_BEFORE_ACK_MS });
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      // Nothing saved: the form stays open with the reason, and can be submitted again.
      await ack({ response_action: 'errors', errors: { [SELF_CHECK_INPUTS.note]: t('cmd.error.busy') } });
      return;
    }
    if (result.kind === 'notFound') {
      await ack({ response_action: 'update', view: roundSelfCheckNotFoundView(t) });
      return;
    }
    deps.log.info(
      { userId, roundId: meta.roundId, planId: meta.planId, ...result },
      result.repeated ? 'round self-check redelivered: answered with its first outcome' : 'round self-check recorded',
    );
    await ack({ response_action: 'update', view: roundSelfCheckDoneView(t, data.plan.code, result) });
  };
}
