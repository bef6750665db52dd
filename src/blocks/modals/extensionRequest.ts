// The extension form (延期申请, README "Extension requests"), opened from the item card and from
// a reminder line: the new due date and the reason. The item and its current dates are shown.
import type { types } from '@slack/bolt';
import { addDays } from '../../domain/dates.ts';
import { EXTENSION_REASON_MAX } from '../../domain/extensions.ts';
import type { Translate } from '../../i18n/index.ts';
import type { ItemDetail } from '../../store/items.ts';
import { type ExtensionFormMetadata, encodeExtensionFormMetadata } from '../extensionCodecs.ts';
import { VIEWS } from '../ids.ts';
import { escapeClip, itemRefText, PLAIN_TEXT_MAX, plain, section } from '../parts/index.ts';

/** block_id of each input; the action_id inside is always `value`. */
export const EXTENSION_BLOCKS = { date: 'extension_to', reason: 'extension_reason' } as const;

export function extensionRequestModal(t: Translate, item: ItemDetail, meta: ExtensionFormMetadata): types.ModalView {
  const due = item.dueOn ?? '';
  const original = item.originalDueOn ? t('extension.originally', { date: item.originalDueOn }) : '';
  return {
    type: 'modal',
    callback_id: VIEWS.extensionRequest,
    private_metadata: encodeExtensionFormMetadata(meta),
    title: plain(t('extension.modal.title'), PLAIN_TEXT_MAX.title),
    submit: plain(t('extension.modal.submit'), PLAIN_TEXT_MAX.title),
    close: plain(t('extension.cancel'), PLAIN_TEXT_MAX.title),
    blocks: [
      section(
        `*${itemRefText(item.plan.code, item.code)}* ${escapeClip(item.title, 500)}\n${t('extension.modal.dueNow', { due, original })}`,
      ),
      {
        type: 'input',
        block_id: EXTENSION_BLOCKS.date,
        label: plain(t('extension.modal.date'), PLAIN_TEXT_MAX.label),
        element: { type: 'datepicker', action_id: 'value', ...(due ? { initial_date: addDays(due, 1) } : {}) },
      },
      {
        type: 'input',
        block_id: EXTENSION_BLOCKS.reason,
        label: plain(t('extension.modal.reason'), PLAIN_TEXT_MAX.label),
        hint: plain(t('extension.modal.reasonHint', { max: EXTENSION_REASON_MAX }), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: EXTENSION_REASON_MAX },
      },
    ],
  };
}
