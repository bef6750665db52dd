// The direct message that confirms a saved status update: what changed, in the person's language.
import type { Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { type SlackMessage, section } from '../parts/blocks.ts';
import { itemRefText } from '../parts/itemLine.ts';
import { statusLabel } from '../parts/status.ts';
import { escapeClip } from '../parts/text.ts';

export interface SavedUpdate {
  planCode: string;
  itemCode: string;
  title: string;
  fromStatus: Status;
  toStatus: Status;
  /** Present when the flag changed. */
  outcome?: boolean;
  note?: string;
}

export function itemUpdateConfirmation(t: Translate, saved: SavedUpdate): SlackMessage {
  const ref = itemRefText(saved.planCode, saved.itemCode);
  const lines = [`:white_check_mark: ${t('modal.confirm.saved', { ref, title: escapeClip(saved.title, 300) })}`];
  if (saved.fromStatus !== saved.toStatus) {
    lines.push(
      t('modal.confirm.status', { from: statusLabel(t, saved.fromStatus), to: statusLabel(t, saved.toStatus) }),
    );
  }
  if (saved.outcome !== undefined)
    lines.push(t(saved.outcome ? 'modal.confirm.outcomeOn' : 'modal.confirm.outcomeOff'));
  if (saved.note) lines.push(t('modal.confirm.note', { note: escapeClip(saved.note, 2000) }));
  return { text: t('modal.confirm.fallback', { ref }), blocks: [section(lines.join('\n'))] };
}
