// The docking-arrangement modal (对接工作安排): lead department, whether a provincial plan will be
// drafted, target date, note. Opened from the follow-up prompt's button.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Translate } from '../../i18n/index.ts';
import { ARRANGEMENT_DEPARTMENT_MAX, ARRANGEMENT_NOTE_MAX } from '../../store/centralPlans.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { VIEWS } from '../ids.ts';
import type { FollowupPlanData } from '../messages/followup.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { section } from '../parts/blocks.ts';
import { PLAIN_TEXT_MAX, plain } from '../parts/plainText.ts';
import { escapeClip } from '../parts/text.ts';

/** block_id of each input; the action_id inside is always `value`. */
export const ARRANGEMENT_BLOCKS = {
  lead: 'lead_department',
  drafts: 'drafts_plan',
  target: 'target_on',
  note: 'note',
} as const;

/** Where the modal was opened from, so the confirmation can follow up there. */
export interface ArrangementMetadata {
  centralPlanId: number;
  /** The channel of the message whose button was clicked. */
  channel?: string;
}

/** `{"v":1,"c":central plan,"ch":channel|null}`; modals opened before the format version read `{"c":..,"ch"?:..}`. */
const arrangementMetadataCodec = versionedCodec({
  version: 1,
  wire: { c: wireId, ch: z.string().nullable() },
  toWire: (m: ArrangementMetadata) => ({ c: m.centralPlanId, ch: m.channel ?? null }),
  fromWire: (wire) => ({ centralPlanId: wire.c, ...(wire.ch ? { channel: wire.ch } : {}) }),
  legacy: [
    legacyShape(z.object({ c: wireId, ch: z.string().optional() }).strict(), (old) => ({
      centralPlanId: old.c,
      ...(old.ch ? { channel: old.ch } : {}),
    })),
  ],
});

export function encodeArrangementMetadata(m: ArrangementMetadata): string {
  return arrangementMetadataCodec.encode(m);
}

export function decodeArrangementMetadata(raw: string | undefined): ArrangementMetadata | undefined {
  return arrangementMetadataCodec.decode(raw);
}

export function arrangementModal(t: Translate, plan: FollowupPlanData, meta: ArrangementMetadata): types.ModalView {
  const intro = t('followup.modal.intro', {
    title: escapeClip(plan.title, 300),
    passedOn: plan.passedOn,
    due: plan.arrangementDueOn,
    group: `${escapeMrkdwn(plan.group.code)} ${escapeClip(plan.group.name, 100)}`,
  });
  return {
    type: 'modal',
    callback_id: VIEWS.followupArrangement,
    private_metadata: encodeArrangementMetadata(meta),
    title: plain(t('followup.modal.title'), PLAIN_TEXT_MAX.title),
    submit: plain(t('followup.modal.submit'), PLAIN_TEXT_MAX.title),
    close: plain(t('followup.modal.cancel'), PLAIN_TEXT_MAX.title),
    blocks: [
      section(intro),
      {
        type: 'input',
        block_id: ARRANGEMENT_BLOCKS.lead,
        label: plain(t('followup.modal.lead'), PLAIN_TEXT_MAX.label),
        hint: plain(t('followup.modal.leadHint'), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: 'value', max_length: ARRANGEMENT_DEPARTMENT_MAX },
      },
      {
        type: 'input',
        block_id: ARRANGEMENT_BLOCKS.drafts,
        label: plain(t('followup.modal.drafts'), PLAIN_TEXT_MAX.label),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: [
            { value: 'yes', text: plain(t('followup.modal.yes')) },
            { value: 'no', text: plain(t('followup.modal.no')) },
          ],
        },
      },
      {
        type: 'input',
        block_id: ARRANGEMENT_BLOCKS.target,
        optional: true,
        label: plain(t('followup.modal.target'), PLAIN_TEXT_MAX.label),
        hint: plain(t('followup.modal.targetHint'), PLAIN_TEXT_MAX.label),
        element: { type: 'datepicker', action_id: 'value' },
      },
      {
        type: 'input',
        block_id: ARRANGEMENT_BLOCKS.note,
        optional: true,
        label: plain(t('followup.modal.note'), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: ARRANGEMENT_NOTE_MAX },
      },
    ],
  };
}
