// The self-check modal of a supervision round (督察评估): confirm each item's status as of the
// round and answer the three checks (三看). Pure: data in, view out.
//
// Why two layouts: a modal holds at most 100 blocks. Up to SELECT_LAYOUT_MAX_ITEMS items, each
// item gets its own status select (the easiest to fill in). Beyond that, items are listed as
// text with their round status, a few dozen per section, and the person types only the
// corrections, one `itemCode=status` per line; items not named are confirmed as shown. The list
// is capped at LIST_TEXT_BUDGET characters ("…and N more"), which still shows several hundred
// items; hidden items can be corrected by code all the same.

import type { types } from '@slack/bolt';
import { z } from 'zod';
import { NOTE_MAX } from '../../domain/notes.ts';
import type { Locale, Status } from '../../domain/types.ts';
import { STATUSES } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SelfCheckData, SelfCheckItem } from '../../store/roundSelfCheck.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { VIEWS } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { divider, packLines, section } from '../parts/blocks.ts';
import { evidenceFileLines, evidenceFileLink } from '../parts/evidenceFiles.ts';
import { PLAIN_TEXT_MAX, plain } from '../parts/plainText.ts';
import { escapeClip } from '../parts/text.ts';

export const SELECT_LAYOUT_MAX_ITEMS = 50;
/** Characters of item list text in the compact layout (section text is capped at 3000 each). */
export const LIST_TEXT_BUDGET = 24_000;
const SECTION_TEXT_MAX = 3000;
/** Characters of evidence file lines (at most four sections). */
const EVIDENCE_TEXT_BUDGET = 8000;

// The self-check note has the item notes' one limit (src/domain/notes.ts).
export { NOTE_MAX };

/** block_id / action_id of every input, shared with the submission reader. */
export const SELF_CHECK_INPUTS = {
  checks: { coordinated: 'coordinated', onSchedule: 'on_schedule', breakthroughs: 'breakthroughs' },
  answerAction: 'answer',
  note: 'note',
  textAction: 'text',
  corrections: 'corrections',
  itemPrefix: 'item_',
  statusAction: 'status',
} as const;

export type SelfCheckLayout = 'select' | 'lines';

export interface SelfCheckMetadata {
  roundId: number;
  planId: number;
  locale: Locale;
  layout: SelfCheckLayout;
}

const selfCheckWire = { r: wireId, p: wireId, l: z.enum(['zh-CN', 'en']), m: z.enum(['select', 'lines']) };

/** `{"v":1,"r":round,"p":plan,"l":locale,"m":layout}`; modals opened before the format version lack `v`. */
const selfCheckMetadataCodec = versionedCodec({
  version: 1,
  wire: selfCheckWire,
  toWire: (m: SelfCheckMetadata) => ({ r: m.roundId, p: m.planId, l: m.locale, m: m.layout }),
  fromWire: (wire): SelfCheckMetadata => ({ roundId: wire.r, planId: wire.p, locale: wire.l, layout: wire.m }),
  legacy: [
    legacyShape(
      z.object(selfCheckWire).strict(),
      (old): SelfCheckMetadata => ({ roundId: old.r, planId: old.p, locale: old.l, layout: old.m }),
    ),
  ],
});

export function encodeSelfCheckMetadata(m: SelfCheckMetadata): string {
  return selfCheckMetadataCodec.encode(m);
}

export function decodeSelfCheckMetadata(raw: string | undefined): SelfCheckMetadata | undefined {
  return selfCheckMetadataCodec.decode(raw);
}

function layoutFor(itemCount: number): SelfCheckLayout {
  return itemCount <= SELECT_LAYOUT_MAX_ITEMS ? 'select' : 'lines';
}

const STATUS_EMOJI: Record<Status, string> = { done: '✅', started: '🔄', not_started: '⬜' };
const statusText = (t: Translate, s: Status) => `${STATUS_EMOJI[s]} ${t(`status.${s}`)}`;

const option = (text: string, value: string) => ({ text: plain(text), value });

/** A Slack date token: each reader sees the instant in their own time zone. */
function slackTime(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
}

/**
 * `locale` besides `t`: the modal's private_metadata carries the reader's language so the
 * submission (a later request, possibly from another surface) answers in the same one.
 */
export function roundSelfCheckModal(t: Translate, data: SelfCheckData, locale: Locale): types.ModalView {
  const layout = layoutFor(data.items.length);
  const kind = t(`round.kind.${data.round.kind}`);
  // Two context elements (round, last filled), side by side: the shared context() takes one.
  const contextTexts = [
    escapeMrkdwn(
      t('round.modal.roundLine', { id: data.round.id, kind, asOf: data.round.asOf, items: data.items.length }),
    ),
  ];
  if (data.checks.filledBy && data.checks.filledAt) {
    contextTexts.push(
      t('round.modal.filledLine', { by: `<@${data.checks.filledBy}>`, at: slackTime(data.checks.filledAt) }),
    );
  }
  const blocks: types.KnownBlock[] = [
    section(`*${escapeMrkdwn(data.plan.code)}* ${escapeClip(data.plan.title, 500)}`),
    { type: 'context', elements: contextTexts.map((text) => ({ type: 'mrkdwn', text })) },
    divider(),
    ...(layout === 'select' ? selectBlocks(t, data) : lineBlocks(t, data)),
    ...evidenceBlocks(t, data),
    divider(),
    section(t('round.modal.checksIntro')),
    checkInput(t, SELF_CHECK_INPUTS.checks.coordinated, t('round.check.coordinated'), data.checks.coordinated),
    checkInput(t, SELF_CHECK_INPUTS.checks.onSchedule, t('round.check.onSchedule'), data.checks.onSchedule),
    checkInput(t, SELF_CHECK_INPUTS.checks.breakthroughs, t('round.check.breakthroughs'), data.checks.breakthroughs),
    {
      type: 'input',
      block_id: SELF_CHECK_INPUTS.note,
      optional: true,
      label: plain(t('round.modal.note'), PLAIN_TEXT_MAX.label),
      element: {
        type: 'plain_text_input',
        action_id: SELF_CHECK_INPUTS.textAction,
        multiline: true,
        max_length: NOTE_MAX,
        placeholder: plain(t('round.modal.notePlaceholder'), PLAIN_TEXT_MAX.placeholder),
        ...(data.checks.note ? { initial_value: truncate(data.checks.note, NOTE_MAX) } : {}),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.roundSelfCheck,
    title: plain(t('round.modal.title'), PLAIN_TEXT_MAX.title),
    submit: plain(t('round.modal.submit'), PLAIN_TEXT_MAX.title),
    close: plain(t('round.modal.cancel'), PLAIN_TEXT_MAX.title),
    private_metadata: encodeSelfCheckMetadata({ roundId: data.round.id, planId: data.plan.id, locale, layout }),
    blocks,
  };
}

function checkInput(t: Translate, blockId: string, question: string, answer: boolean | null): types.InputBlock {
  const yes = option(t('round.answer.yes'), 'yes');
  const no = option(t('round.answer.no'), 'no');
  return {
    type: 'input',
    block_id: blockId,
    label: plain(question, PLAIN_TEXT_MAX.label),
    element: {
      type: 'radio_buttons',
      action_id: SELF_CHECK_INPUTS.answerAction,
      options: [yes, no],
      ...(answer === null ? {} : { initial_option: answer ? yes : no }),
    },
  };
}

/** `code 📎 <permalink|name>`, item by item in the list's order, newest file first. */
function evidenceBlocks(t: Translate, data: SelfCheckData): types.KnownBlock[] {
  const files = data.items.flatMap((item) =>
    (data.evidence?.get(item.itemId) ?? []).map((file) => ({ ...file, code: item.code })),
  );
  if (files.length === 0) return [];
  const lines = evidenceFileLines(t, files, {
    budget: EVIDENCE_TEXT_BUDGET,
    describe: (f) => `\`${escapeClip(f.code, 60)}\` 📎 ${evidenceFileLink(f)}`,
  });
  return [divider(), ...(packLines([t('round.modal.evidence'), ...lines]) as types.KnownBlock[])];
}

function dueText(t: Translate, item: SelfCheckItem): string {
  return item.dueOn ? t('round.modal.due', { date: item.dueOn }) : t('round.modal.noDue');
}

function selectBlocks(t: Translate, data: SelfCheckData): types.KnownBlock[] {
  const options = STATUSES.map((s) => option(statusText(t, s), s));
  return [
    section(t('round.modal.selectIntro', { asOf: data.round.asOf })),
    ...data.items.map(
      (item): types.InputBlock => ({
        type: 'input',
        block_id: `${SELF_CHECK_INPUTS.itemPrefix}${item.itemId}`,
        label: plain(
          `${truncate(item.code, 60)} ${truncate(item.title, 120)} (${dueText(t, item)})`,
          PLAIN_TEXT_MAX.label,
        ),
        element: {
          type: 'static_select',
          action_id: SELF_CHECK_INPUTS.statusAction,
          options,
          initial_option: options[STATUSES.indexOf(item.status)],
        },
      }),
    ),
  ];
}

function lineBlocks(t: Translate, data: SelfCheckData): types.KnownBlock[] {
  const sections: string[] = [];
  let current = '';
  let used = 0;
  let shown = 0;
  for (const item of data.items) {
    const line = `\`${escapeClip(item.code, 60)}\` ${statusText(t, item.status)} · ${escapeClip(item.title, 30)} · ${dueText(t, item)}`;
    if (used + line.length > LIST_TEXT_BUDGET) break;
    if (current !== '' && current.length + 1 + line.length > SECTION_TEXT_MAX) {
      sections.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
    used += line.length + 1;
    shown += 1;
  }
  if (current !== '') sections.push(current);
  const hidden = data.items.length - shown;
  if (hidden > 0) sections.push(escapeMrkdwn(t('round.modal.more', { count: hidden })));
  return [
    section(t('round.modal.linesIntro', { asOf: data.round.asOf })),
    ...sections.map((text) => section(text)),
    {
      type: 'input',
      block_id: SELF_CHECK_INPUTS.corrections,
      optional: true,
      label: plain(t('round.modal.corrections'), PLAIN_TEXT_MAX.label),
      hint: plain(t('round.modal.correctionsHint'), PLAIN_TEXT_MAX.label),
      element: {
        type: 'plain_text_input',
        action_id: SELF_CHECK_INPUTS.textAction,
        multiline: true,
        max_length: 3000,
        placeholder: plain(t('round.modal.correctionsPlaceholder'), PLAIN_TEXT_MAX.placeholder),
      },
    },
  ];
}
