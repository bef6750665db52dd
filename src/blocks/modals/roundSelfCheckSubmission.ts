// Reads a submitted self-check modal (the inputs roundSelfCheck.ts builds) into the three checks,
// the note and the confirmed statuses, or into inline errors keyed by block_id for
// `ack({ response_action: 'errors', errors })`. Pure.
import { noteLength } from '../../domain/notes.ts';
import { type CorrectionProblem, parseCorrections } from '../../domain/roundSelfCheck.ts';
import { STATUSES, type Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SelfCheckData, ThreeChecks } from '../../store/roundSelfCheck.ts';
import { truncate } from '../mrkdwn.ts';
import { NOTE_MAX, SELF_CHECK_INPUTS, type SelfCheckLayout } from './roundSelfCheck.ts';

/** `view.state.values` as Slack sends it (only the fields read here). */
export type SubmittedValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null } | undefined> | undefined
>;

export type SelfCheckReading =
  | { ok: true; checks: ThreeChecks; note: string | null; confirmed: Map<number, Status> }
  | { ok: false; errors: Record<string, string> };

/** How many correction problems are spelled out before "and N more". */
const SHOWN_PROBLEMS = 3;

export function readSelfCheckSubmission(
  values: SubmittedValues,
  data: SelfCheckData,
  layout: SelfCheckLayout,
  t: Translate,
): SelfCheckReading {
  const errors: Record<string, string> = {};
  const input = (block: string, action: string) => values[block]?.[action];

  const answer = (block: string): boolean | undefined => {
    const v = input(block, SELF_CHECK_INPUTS.answerAction)?.selected_option?.value;
    if (v === 'yes' || v === 'no') return v === 'yes';
    errors[block] = t('round.error.answer');
    return undefined;
  };
  const { coordinated, onSchedule, breakthroughs } = SELF_CHECK_INPUTS.checks;
  const checks = {
    coordinated: answer(coordinated),
    onSchedule: answer(onSchedule),
    breakthroughs: answer(breakthroughs),
  };

  const note = input(SELF_CHECK_INPUTS.note, SELF_CHECK_INPUTS.textAction)?.value?.trim() || null;
  if (note !== null && noteLength(note) > NOTE_MAX)
    errors[SELF_CHECK_INPUTS.note] = t('round.error.noteTooLong', { max: NOTE_MAX });

  const confirmed = new Map<number, Status>();
  if (layout === 'select') {
    for (const item of data.items) {
      const block = `${SELF_CHECK_INPUTS.itemPrefix}${item.itemId}`;
      const v = input(block, SELF_CHECK_INPUTS.statusAction)?.selected_option?.value;
      if ((STATUSES as readonly string[]).includes(v ?? '')) confirmed.set(item.itemId, v as Status);
      else errors[block] = t('round.error.itemStatus');
    }
  } else {
    const text = input(SELF_CHECK_INPUTS.corrections, SELF_CHECK_INPUTS.textAction)?.value ?? '';
    const idOf = new Map(data.items.map((i) => [i.code, i.itemId]));
    const parsed = parseCorrections(text, idOf.keys());
    if (parsed.ok) {
      for (const [code, status] of parsed.changes) confirmed.set(idOf.get(code) as number, status);
    } else {
      errors[SELF_CHECK_INPUTS.corrections] = describeProblems(t, parsed.problems);
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, checks: checks as ThreeChecks, note, confirmed };
}

function describeProblems(t: Translate, problems: CorrectionProblem[]): string {
  const parts = problems.slice(0, SHOWN_PROBLEMS).map((p) => problemText(t, p));
  if (problems.length > SHOWN_PROBLEMS) parts.push(t('round.error.more', { count: problems.length - SHOWN_PROBLEMS }));
  return parts.join('; ');
}

function problemText(t: Translate, p: CorrectionProblem): string {
  switch (p.reason) {
    case 'format':
      return t('round.error.format', { line: p.line });
    case 'unknownItem':
      return t('round.error.unknownItem', {
        line: p.line,
        code: truncate(p.text.split(/[=＝:：]/)[0]?.trim() ?? '', 40),
      });
    case 'unknownStatus':
      return t('round.error.unknownStatus', { line: p.line });
    case 'conflict':
      return t('round.error.conflict', { line: p.line });
  }
}
