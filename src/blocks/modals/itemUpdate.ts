// The status-update modal (更新事项进展): plan, then item (type-ahead external selects: a plan
// may hold hundreds of items and a select shows 100 options), status, evidence note, evidence
// files (README "Evidence files") and the institutional-outcome flag. Pure: data in, view out.
//
// Why the item block's id carries the plan: Slack keeps an input's value across views.update
// while its block_id stays the same. Choosing another plan rebuilds the modal with a new item
// block id, which clears an item picked from the previous plan.

import type { types } from '@slack/bolt';
import { z } from 'zod';
import { EVIDENCE_FILE_TYPES, EVIDENCE_FILES_MAX } from '../../domain/evidenceFiles.ts';
import { NOTE_MAX } from '../../domain/notes.ts';
import type { IsoDate, Light, Status } from '../../domain/types.ts';
import { STATUSES } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { ACTIONS, VIEWS } from '../ids.ts';
import { truncate } from '../mrkdwn.ts';
import { type Block, context, section } from '../parts/blocks.ts';
import { dueText, itemRefText } from '../parts/itemLine.ts';
import { plain } from '../parts/plainText.ts';
import { lightLabel, statusEmoji, statusLabel } from '../parts/status.ts';
import { escapeClip } from '../parts/text.ts';

export const UPDATE_BLOCKS = {
  plan: 'update_plan',
  status: 'update_status',
  note: 'update_note',
  files: 'update_files',
  outcome: 'update_outcome',
} as const;

/** action_ids of the inputs without an id in ids.ts (nothing outside this modal refers to them). */
export const UPDATE_INPUTS = { status: 'status', note: 'note', files: 'files', outcome: 'outcome' } as const;

const ITEM_BLOCK_PREFIX = 'update_item_';

export function itemBlockId(planId: number | undefined): string {
  return `${ITEM_BLOCK_PREFIX}${planId ?? 'any'}`;
}

export function isItemBlockId(blockId: string): boolean {
  return blockId.startsWith(ITEM_BLOCK_PREFIX);
}

// One limit for notes on every path (src/domain/notes.ts); Slack's plain_text_input keeps 3000.
export { NOTE_MAX };
export const OUTCOME_VALUE = 'yes';
/** Slack: option text at most 75 characters, modal title 24. */
const OPTION_TEXT_MAX = 75;
const MODAL_TITLE_MAX = 24;

/**
 * What the modal remembers between requests: the chosen plan, and when it was opened for an
 * item, that item and the version shown (a submission built on an older version is refused).
 */
export interface UpdateMetadata {
  planId?: number;
  itemId?: number;
  version?: number;
  /** Opened from a reminder line (Mark done): that message, whose line shows the saved status. */
  reminder?: ReminderMessageRef;
}

/** A message in Slack: its channel and ts. */
export interface ReminderMessageRef {
  channel: string;
  ts: string;
}

const optionalId = wireId.nullable();
/** Channel ids and message ts are short; the bound keeps foreign text out. */
const reminderWire = z.object({ c: z.string().min(1).max(40), t: z.string().min(1).max(40) }).strict();

/**
 * `{"v":1,"p":plan,"i":item,"n":version}` (null when absent: every key present, so a legacy
 * `{"p":1,"i":4,"v":1}` cannot pass for the current shape and lose its version check). `r`, the
 * reminder the form was opened from, is optional: metadata written before it stays readable.
 */
const updateMetadataCodec = versionedCodec({
  version: 1,
  wire: { p: optionalId, i: optionalId, n: optionalId, r: reminderWire.optional() },
  toWire: (m: UpdateMetadata) => ({
    p: m.planId ?? null,
    i: m.itemId ?? null,
    n: m.version ?? null,
    ...(m.reminder ? { r: { c: m.reminder.channel, t: m.reminder.ts } } : {}),
  }),
  fromWire: (wire) => ({
    ...definedOnly({ planId: wire.p, itemId: wire.i, version: wire.n }),
    ...(wire.r ? { reminder: { channel: wire.r.c, ts: wire.r.t } } : {}),
  }),
  legacy: [
    legacyShape(z.object({ p: wireId.optional(), i: wireId.optional(), v: wireId.optional() }).strict(), (old) =>
      definedOnly({ planId: old.p, itemId: old.i, version: old.v }),
    ),
  ],
});

function definedOnly(m: { planId?: number | null; itemId?: number | null; version?: number | null }): UpdateMetadata {
  return {
    ...(m.planId != null ? { planId: m.planId } : {}),
    ...(m.itemId != null ? { itemId: m.itemId } : {}),
    ...(m.version != null ? { version: m.version } : {}),
  };
}

export function encodeMetadata(m: UpdateMetadata): string {
  return updateMetadataCodec.encode(m);
}

/** Undefined when unreadable (truncated, foreign): the form is out of date and saves nothing. */
export function decodeMetadata(raw: string | undefined): UpdateMetadata | undefined {
  return updateMetadataCodec.decode(raw);
}

export interface PlanChoice {
  id: number;
  code: string;
  title: string;
  closed: boolean;
}

export interface ItemChoice {
  id: number;
  planCode: string;
  code: string;
  title: string;
  status: Status;
}

export interface PrefilledItem extends ItemChoice {
  version: number;
  dueOn: IsoDate | null;
  light: Light;
  institutionalOutcome: boolean;
  departments: string[];
  note: string | null;
}

export interface ItemUpdateModalData {
  plan?: PlanChoice;
  item?: PrefilledItem;
  notice?: 'itemNotFound' | 'notResponsible';
  /** The status chosen when the form opens (Mark done: done, the note then to fill); else the item's. */
  status?: Status;
  /** The reminder message the form was opened from (kept in private_metadata). */
  reminder?: ReminderMessageRef;
}

export function planOption(t: Translate, plan: PlanChoice): types.PlainTextOption {
  const suffix = plan.closed ? ` ${t('modal.update.closedPlan')}` : '';
  return {
    text: plain(
      `${plan.code} ${truncate(plan.title, OPTION_TEXT_MAX - plan.code.length - suffix.length - 1)}${suffix}`,
    ),
    value: String(plan.id),
  };
}

/** `✅ #3 title`, or `✅ P1#3 title` when no plan has been chosen yet. */
export function itemOption(item: ItemChoice, withPlan: boolean): types.PlainTextOption {
  const ref = withPlan ? `${item.planCode}#${item.code}` : `#${item.code}`;
  return { text: plain(`${statusEmoji(item.status)} ${ref} ${item.title}`), value: String(item.id) };
}

export function itemUpdateModal(t: Translate, data: ItemUpdateModalData): types.ModalView {
  const { plan, item, notice, status } = data;
  const blocks: Block[] = [];
  if (notice) blocks.push(context(t(`modal.notice.${notice}`)));
  if (item) blocks.push(section(itemSummary(t, item)));

  const chosenStatus = status ?? item?.status;
  const statusOptions = STATUSES.map((s) => ({ text: plain(statusLabel(t, s)), value: s }));
  const outcomeOption = { text: plain(t('modal.update.outcomeOption')), value: OUTCOME_VALUE };
  blocks.push(
    {
      type: 'input',
      block_id: UPDATE_BLOCKS.plan,
      dispatch_action: true,
      label: plain(t('modal.update.plan')),
      element: {
        type: 'external_select',
        action_id: ACTIONS.updatePlanSelect,
        min_query_length: 0,
        placeholder: plain(t('modal.update.planPlaceholder'), 150),
        ...(plan ? { initial_option: planOption(t, plan) } : {}),
      },
    },
    {
      type: 'input',
      block_id: itemBlockId(plan?.id),
      label: plain(t('modal.update.item')),
      ...(plan ? {} : { hint: plain(t('modal.update.itemHint'), 2000) }),
      element: {
        type: 'external_select',
        action_id: ACTIONS.updateItemSelect,
        min_query_length: 0,
        placeholder: plain(t('modal.update.itemPlaceholder'), 150),
        ...(item ? { initial_option: itemOption(item, false) } : {}),
      },
    },
    {
      type: 'input',
      block_id: UPDATE_BLOCKS.status,
      label: plain(t('modal.update.status')),
      element: {
        type: 'radio_buttons',
        action_id: UPDATE_INPUTS.status,
        options: statusOptions,
        ...(chosenStatus ? { initial_option: statusOptions[STATUSES.indexOf(chosenStatus)] } : {}),
      },
    },
    {
      type: 'input',
      block_id: UPDATE_BLOCKS.note,
      optional: true, // required only when marking done: checked on submission
      label: plain(t('modal.update.note')),
      hint: plain(t('modal.update.noteHint'), 2000),
      element: {
        type: 'plain_text_input',
        action_id: UPDATE_INPUTS.note,
        multiline: true,
        max_length: NOTE_MAX,
        // Opened to mark done: the evidence note is what is left to write.
        ...(status === 'done' ? { focus_on_load: true } : {}),
        placeholder: plain(t('modal.update.notePlaceholder'), 150),
      },
    },
    {
      type: 'input',
      block_id: UPDATE_BLOCKS.files,
      optional: true,
      label: plain(t('modal.update.files')),
      hint: plain(t('modal.update.filesHint', { max: EVIDENCE_FILES_MAX }), 2000),
      element: {
        type: 'file_input',
        action_id: UPDATE_INPUTS.files,
        // Guides the file picker only; the submission checks the names again.
        filetypes: [...EVIDENCE_FILE_TYPES],
        max_files: EVIDENCE_FILES_MAX,
      },
    },
    {
      type: 'input',
      block_id: UPDATE_BLOCKS.outcome,
      optional: true,
      label: plain(t('modal.update.outcome')),
      // Opened without an item, the person has not seen the ledger's flag: unticked keeps it.
      ...(item ? {} : { hint: plain(t('modal.update.outcomeHintNew'), 2000) }),
      element: {
        type: 'checkboxes',
        action_id: UPDATE_INPUTS.outcome,
        options: [outcomeOption],
        ...(item?.institutionalOutcome ? { initial_options: [outcomeOption] } : {}),
      },
    },
  );

  return {
    type: 'modal',
    callback_id: VIEWS.itemUpdate,
    title: plain(t('modal.update.title'), MODAL_TITLE_MAX),
    submit: plain(t('modal.update.submit'), MODAL_TITLE_MAX),
    close: plain(t('modal.update.close'), MODAL_TITLE_MAX),
    private_metadata: encodeMetadata({
      planId: plan?.id,
      itemId: item?.id,
      version: item?.version,
      reminder: data.reminder,
    }),
    blocks,
  };
}

/** `*P1#3* title`, its status, light and due date, the responsible departments, the last note. */
function itemSummary(t: Translate, item: PrefilledItem): string {
  const lines = [
    `*${itemRefText(item.planCode, item.code)}* ${escapeClip(item.title, 600)}`,
    t('modal.update.current', {
      status: statusLabel(t, item.status),
      light: lightLabel(t, item.light),
      due: dueText(t, item.dueOn),
    }),
  ];
  if (item.departments.length > 0)
    lines.push(t('modal.update.responsible', { names: escapeClip(item.departments.join('、'), 600) }));
  if (item.note) lines.push(t('modal.update.lastNote', { note: escapeClip(item.note, 1200) }));
  return lines.join('\n');
}
