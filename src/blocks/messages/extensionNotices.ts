// What the requester reads (README "Extension requests"): why a request was not saved, that it
// was sent (and to whom), and later the decision by DM.
import type { ExtensionProblem } from '../../domain/extensions.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { actorText, itemRefText, type SlackMessage, section } from '../parts/index.ts';

export function extensionProblemText(t: Translate, problem: ExtensionProblem): string {
  switch (problem.key) {
    case 'noDue':
      return t('extension.problem.noDue');
    case 'done':
      return t('extension.problem.done');
    case 'planClosed':
      return t('extension.problem.planClosed');
    case 'badDate':
      return t('extension.problem.badDate', { text: escapeMrkdwn(problem.text) });
    case 'notLater':
      return t('extension.problem.notLater', { due: problem.dueOn });
    case 'needReason':
      return t('extension.problem.needReason');
    case 'reasonTooLong':
      return t('extension.problem.reasonTooLong', { length: problem.length, max: problem.max });
  }
}

/** All problems of a refused request, one per line, under what was refused. */
export function extensionRefusedText(
  t: Translate,
  ref: { planCode: string; itemCode: string },
  problems: readonly ExtensionProblem[],
): string {
  const head = t('extension.notSaved', { ref: itemRefText(ref.planCode, ref.itemCode) });
  return [head, ...problems.map((p) => `• ${extensionProblemText(t, p)}`)].join('\n');
}

export function extensionSentText(
  t: Translate,
  ref: { planCode: string; itemCode: string },
  toDueOn: IsoDate,
  approvers: readonly string[],
): string {
  const who = approvers.length > 0 ? approvers.map(actorText).join(t('cmd.refused.join')) : t('common.none');
  return t('extension.sent', { ref: itemRefText(ref.planCode, ref.itemCode), to: toDueOn, who });
}

export function extensionPendingText(
  t: Translate,
  ref: { planCode: string; itemCode: string },
  pending: { requestedBy: string; toDueOn: IsoDate },
): string {
  return t('extension.alreadyPending', {
    ref: itemRefText(ref.planCode, ref.itemCode),
    who: actorText(pending.requestedBy),
    to: pending.toDueOn,
  });
}

export interface ExtensionDecisionNotice {
  planCode: string;
  itemCode: string;
  title: string;
  decision: 'approved' | 'refused';
  by: string;
  fromDueOn: IsoDate;
  toDueOn: IsoDate;
  /** The first original due date (kept for on-time figures). */
  originalDueOn: IsoDate;
}

/** The requester's DM: the decision, who made it, and the dates now. */
export function extensionDecisionMessage(t: Translate, n: ExtensionDecisionNotice): SlackMessage {
  const ref = itemRefText(n.planCode, n.itemCode);
  const text =
    n.decision === 'approved'
      ? t('extension.told.approved', { ref, who: actorText(n.by), to: n.toDueOn, original: n.originalDueOn })
      : t('extension.told.refused', { ref, who: actorText(n.by), due: n.fromDueOn, to: n.toDueOn });
  return { text, blocks: [section(text)] };
}
