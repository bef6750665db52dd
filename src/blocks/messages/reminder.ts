// Deadline reminders (docs/PRACTICE.md rule 2): one message per person listing their red and yellow items,
// the worst first, each with buttons to mark it started or done or open the update modal; one per
// group leader or deputy for the group's items; and the office admins' report of long-overdue
// items. Pure: data in, message out. Every message keeps within Slack's limits whatever the data:
// at most MAX_ITEMS items with buttons (2 blocks each), a character budget for the rest, then
// "and N more - /reform mine". Each line's buttons carry the item id in their block_id, so a
// click on one line rewrites that line alone (replaceReminderLine) and the message stays whole.
import type { IsoDate, Light, Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { ACTIONS, encodeItemButton } from '../ids.ts';
import { truncate } from '../mrkdwn.ts';
import {
  actorText,
  type Block,
  context,
  dueText,
  escapeClip,
  formatInstant,
  header,
  ITEM_LINE_TITLE_MAX,
  itemRefText,
  lightEmoji,
  MESSAGE_TEXT_BUDGET,
  packLines,
  plain,
  type SlackMessage,
  section,
  statusLabel,
} from '../parts/index.ts';

export interface ReminderLine {
  itemId: number;
  version: number;
  planCode: string;
  itemCode: string;
  title: string;
  dueOn: IsoDate;
  /** Never done nor green when sent; a line rewritten after a click may be. */
  status: Status;
  light: Light;
  /** Working days since the due date (0 for yellow items). */
  overdueWorkdays: number;
  groupCode?: string;
}

export type ReminderAudience = { kind: 'person' } | { kind: 'group'; groupCode: string; groupName: string };

export type ReminderMessage = SlackMessage;

/** Items shown with buttons: 2 blocks each, so 20 items + header, summary and footer = 43 blocks. */
export const MAX_ITEMS = 20;
/** Lines in the admins' report (packed into few sections, no buttons). */
const MAX_ADMIN_LINES = 60;
/** Characters of block text per message (Slack refuses around 12,000), with room for the frame. */
const TEXT_BUDGET = MESSAGE_TEXT_BUDGET - 1_000;

/**
 * Worst first: overdue before due-soon, the longest overdue / soonest due first, then in ledger
 * order (item id: imports insert in the ledger's order). Deliberately cheap - a leader's list
 * can hold thousands of items, sorted once per recipient.
 */
function worstFirst(a: ReminderLine, b: ReminderLine): number {
  if (a.light !== b.light) return a.light === 'red' ? -1 : 1;
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  return a.itemId - b.itemId;
}

/** A change made from the reminder itself, shown on its line: who and when (REFORM_TZ). */
export interface ReminderLineChange {
  actor: string;
  /** ISO instant. */
  at: string;
  timeZone: string;
}

const reminderButtonsBlockId = (itemId: number) => `reminder.item.${itemId}`;

function whenText(t: Translate, item: ReminderLine): string {
  if (item.light === 'red') return t('jobs.reminder.overdue', { date: item.dueOn, days: item.overdueWorkdays });
  if (item.light === 'yellow') return t('jobs.reminder.dueSoon', { date: item.dueOn });
  return dueText(t, item.dueOn);
}

function itemText(t: Translate, item: ReminderLine, withGroup = false, change?: ReminderLineChange): string {
  const group = withGroup && item.groupCode ? ` [${escapeClip(item.groupCode, 20)}]` : '';
  const status = statusLabel(t, item.status);
  // `12-03 10:15`: the year is the reminder's own.
  const state = change
    ? t('jobs.reminder.lineChanged', {
        status,
        who: actorText(change.actor),
        when: formatInstant(change.at, change.timeZone).slice(5),
      })
    : status;
  const title = escapeClip(item.title, ITEM_LINE_TITLE_MAX);
  return `${lightEmoji(item.light)} *${itemRefText(item.planCode, item.itemCode)}*${group} ${title}\n${whenText(t, item)} · ${state}`;
}

function button(text: string, actionId: string, item: ReminderLine, primary = false) {
  return {
    type: 'button' as const,
    text: plain(text),
    action_id: actionId,
    value: encodeItemButton({ itemId: item.itemId, version: item.version }),
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

/** One line of a reminder: its text and its buttons (the buttons the item's status allows). */
export function reminderLineBlocks(t: Translate, item: ReminderLine, change?: ReminderLineChange): Block[] {
  const buttons = [
    ...(item.status === 'not_started' ? [button(t('jobs.reminder.markStarted'), ACTIONS.itemMarkStarted, item)] : []),
    ...(item.status !== 'done' ? [button(t('jobs.reminder.markDone'), ACTIONS.itemMarkDone, item, true)] : []),
    button(t('jobs.reminder.update'), ACTIONS.itemOpenUpdate, item),
    // README "Extension requests": asked from the line that says the item is late or due soon.
    ...(item.status !== 'done' ? [button(t('extension.button'), ACTIONS.extensionOpen, item)] : []),
  ];
  // Only the buttons carry the item id: the text is the section just above them (a block_id on
  // it would cost the message one line of its text budget).
  return [
    section(itemText(t, item, false, change)),
    { type: 'actions', block_id: reminderButtonsBlockId(item.itemId), elements: buttons },
  ];
}

/**
 * The reminder as Slack sent it back with a click, with the item's line replaced by `line` and
 * every other block untouched; undefined when the message has no line for the item (not a
 * reminder). The line's text is the section just above its buttons.
 */
export function replaceReminderLine(
  blocks: readonly Block[],
  itemId: number,
  line: readonly Block[],
): Block[] | undefined {
  const at = blocks.findIndex((b) => b.block_id === reminderButtonsBlockId(itemId));
  if (at < 1 || blocks[at - 1]?.type !== 'section') return undefined;
  return [...blocks.slice(0, at - 1), ...line, ...blocks.slice(at + 1)];
}

function counts(items: readonly ReminderLine[]) {
  const red = items.filter((i) => i.light === 'red').length;
  return { red, yellow: items.length - red };
}

export function reminderMessage(
  t: Translate,
  audience: ReminderAudience,
  items: readonly ReminderLine[],
  day: IsoDate,
): ReminderMessage {
  const sorted = [...items].sort(worstFirst);
  const { red, yellow } = counts(sorted);
  // Group code and name come from the org file: escaped, and cut without splitting an entity.
  const group = audience.kind === 'group' ? escapeClip(`${audience.groupCode} ${audience.groupName}`, 200) : undefined;
  const title =
    audience.kind === 'group'
      ? t('jobs.reminder.groupTitle', { day, group: truncate(audience.groupCode, 40) })
      : t('jobs.reminder.title', { day });
  const summary = group
    ? t('jobs.reminder.groupSummary', { red, yellow, group })
    : t('jobs.reminder.summary', { red, yellow });
  const blocks: Block[] = [header(title), section(summary)];
  let used = title.length + summary.length;
  let shown = 0;
  for (const item of sorted) {
    if (shown >= MAX_ITEMS) break;
    const next = reminderLineBlocks(t, item);
    const size = JSON.stringify(next).length;
    if (used + size > TEXT_BUDGET) break;
    blocks.push(...next);
    used += size;
    shown += 1;
  }
  const more = sorted.length - shown;
  blocks.push(context(more > 0 ? t('jobs.reminder.more', { count: more }) : t('jobs.reminder.footer')));
  const text = group ? t('jobs.reminder.groupText', { red, yellow, group }) : t('jobs.reminder.text', { red, yellow });
  return { text, blocks };
}

/** The office admins' report of items overdue more than `threshold` working days. */
export function adminOverdueMessage(
  t: Translate,
  items: readonly ReminderLine[],
  day: IsoDate,
  threshold: number,
): ReminderMessage {
  const sorted = [...items].sort(worstFirst);
  const title = t('jobs.reminder.adminTitle', { day });
  const summary = t('jobs.reminder.adminSummary', { count: sorted.length, threshold });
  const lines: string[] = [];
  let used = title.length + summary.length;
  for (const item of sorted.slice(0, MAX_ADMIN_LINES)) {
    const line = itemText(t, item, true).replace('\n', ' — ');
    if (used + line.length + 1 > TEXT_BUDGET) break;
    lines.push(line);
    used += line.length + 1;
  }
  const shown = lines.length;
  const blocks: Block[] = [header(title), section(summary), ...packLines(lines)];
  const more = sorted.length - shown;
  if (more > 0) blocks.push(context(t('jobs.reminder.adminMore', { count: more })));
  return { text: t('jobs.reminder.adminText', { count: sorted.length, threshold }), blocks };
}
