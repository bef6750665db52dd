// One item on one line: `🔴 *P1#3* title — due 2016-06-30 — 🔄 started`. Used by plan files,
// `/reform mine`, App Home and reminders. Ledger text is escaped and the title cut, so a line
// never carries markup and never outgrows its section.
import type { IsoDate, Light, Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { lightEmoji, statusLabel } from './status.ts';
import { escapeClip } from './text.ts';

export interface ItemLineData {
  planCode: string;
  itemCode: string;
  title: string;
  dueOn: IsoDate | null;
  status: Status;
  light: Light;
}

export const ITEM_LINE_TITLE_MAX = 80;
/** Codes are short in real ledgers; the cap only bounds the line whatever an import brought. */
const REF_MAX = 40;

/** `P1#3`, escaped for mrkdwn. */
export function itemRefText(planCode: string, itemCode: string): string {
  return escapeClip(`${planCode}#${itemCode}`, REF_MAX);
}

/** `due 2016-06-30` / `截止 2016-06-30`, or `no due date`. */
export function dueText(t: Translate, dueOn: IsoDate | null): string {
  return dueOn ? t('parts.due', { date: dueOn }) : t('parts.noDue');
}

export function itemLine(t: Translate, item: ItemLineData, titleMax = ITEM_LINE_TITLE_MAX): string {
  const title = escapeClip(item.title, titleMax);
  return `${lightEmoji(item.light)} *${itemRefText(item.planCode, item.itemCode)}* ${title} — ${dueText(t, item.dueOn)} — ${statusLabel(t, item.status)}`;
}
