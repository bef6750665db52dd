// What the self-check modal turns into: the confirmation after a submission, or a notice that
// says why nothing happened (refused, round gone). Pure.
import type { types } from '@slack/bolt';
import type { RoundFillDecision } from '../../domain/permissions.ts';
import type { RoundKind } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { section } from '../parts/blocks.ts';
import { PLAIN_TEXT_MAX, plain } from '../parts/plainText.ts';

function notice(t: Translate, texts: string[]): types.ModalView {
  return {
    type: 'modal',
    title: plain(t('round.modal.title'), PLAIN_TEXT_MAX.title),
    close: plain(t('round.modal.close'), PLAIN_TEXT_MAX.title),
    blocks: texts.map((text) => section(text)),
  };
}

export interface SelfCheckOutcome {
  kind: 'recorded' | 'unchanged';
  corrected: string[];
  applied: string[];
  keptNewer: string[];
}

/** Lists of item codes are cut so the section stays within Slack's 3000 characters. */
const codes = (list: string[]) => truncate(list.map(escapeMrkdwn).join(', '), 2500);

export function roundSelfCheckDoneView(t: Translate, planCode: string, outcome: SelfCheckOutcome): types.ModalView {
  const code = escapeMrkdwn(planCode);
  const texts = [
    outcome.kind === 'recorded' ? t('round.result.recorded', { code }) : t('round.result.unchanged', { code }),
  ];
  if (outcome.corrected.length > 0) texts.push(t('round.result.corrected', { count: outcome.corrected.length }));
  if (outcome.applied.length > 0) texts.push(t('round.result.applied', { codes: codes(outcome.applied) }));
  if (outcome.keptNewer.length > 0) texts.push(t('round.result.keptNewer', { codes: codes(outcome.keptNewer) }));
  return notice(t, texts);
}

export function roundSelfCheckRefusedView(
  t: Translate,
  refusal: Extract<RoundFillDecision, { allowed: false }>,
  round: { kind: RoundKind },
  planCode: string,
): types.ModalView {
  const text =
    refusal.reason === 'notAdmin'
      ? t('round.refused.notAdmin', { kind: t(`round.kind.${round.kind}`) })
      : t('round.refused.notLeadGroup', { code: escapeMrkdwn(planCode) });
  return notice(t, [text]);
}

export function roundSelfCheckNotFoundView(t: Translate): types.ModalView {
  return notice(t, [t('round.notFound')]);
}
