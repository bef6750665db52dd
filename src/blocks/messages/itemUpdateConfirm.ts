// The direct message that confirms a saved status update: what changed, in the person's language.
import type { Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { type Block, type SlackMessage, section } from '../parts/blocks.ts';
import { evidenceFileLines, evidenceFileLink, type ShownFile } from '../parts/evidenceFiles.ts';
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
  /** Evidence files saved with the change (README "Evidence files"). */
  files?: readonly ShownFile[];
}

/** The files section: its own block, so the note keeps its room in the first. */
const FILES_TEXT_BUDGET = 2900;

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
  const blocks: Block[] = [section(lines.join('\n'))];
  const files = saved.files ?? [];
  if (files.length > 0) {
    const fileLines = evidenceFileLines(t, files, {
      budget: FILES_TEXT_BUDGET - 40,
      describe: (file) => `📎 ${evidenceFileLink(file)}`,
    });
    blocks.push(section([t('modal.confirm.files', { count: files.length }), ...fileLines].join('\n')));
  }
  return { text: t('modal.confirm.fallback', { ref }), blocks };
}
