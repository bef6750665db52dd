// The registration modal for a central plan (/reform central), for office admins.
import type { types } from '@slack/bolt';
import type { IsoDate } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { CENTRAL_MEETING_MAX, CENTRAL_TITLE_MAX } from '../../store/centralPlans.ts';
import { VIEWS } from '../ids.ts';
import { context } from '../parts/blocks.ts';
import { PLAIN_TEXT_MAX, plain } from '../parts/plainText.ts';

/** block_id of each input; the action_id inside is always `value`. */
export const CENTRAL_BLOCKS = {
  title: 'title',
  passedOn: 'passed_on',
  group: 'group',
  meeting: 'meeting',
  url: 'url',
} as const;

/** A static select holds at most 100 options; beyond that the group is typed as its code. */
export const MAX_GROUP_OPTIONS = 100;

/** A group option's value: its id, so the value stays short however long the org file's codes are. */
export function groupOptionValue(groupId: number): string {
  return `group:${groupId}`;
}

/** The group id an option value carries (undefined for anything else). */
export function groupIdOfOption(value: string | null | undefined): number | undefined {
  const match = /^group:(\d{1,12})$/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

export function centralRegisterModal(
  t: Translate,
  groups: readonly { id: number; code: string; name: string }[],
  today: IsoDate,
): types.ModalView {
  const groupElement: types.InputBlock['element'] =
    groups.length <= MAX_GROUP_OPTIONS
      ? {
          type: 'static_select',
          action_id: 'value',
          options: groups.map((g) => ({ value: groupOptionValue(g.id), text: plain(`${g.code} ${g.name}`) })),
        }
      : { type: 'plain_text_input', action_id: 'value', max_length: 50 };
  return {
    type: 'modal',
    callback_id: VIEWS.centralRegister,
    title: plain(t('central.modal.title'), PLAIN_TEXT_MAX.title),
    submit: plain(t('central.modal.submit'), PLAIN_TEXT_MAX.title),
    close: plain(t('followup.modal.cancel'), PLAIN_TEXT_MAX.title),
    blocks: [
      context(t('central.modal.intro')),
      {
        type: 'input',
        block_id: CENTRAL_BLOCKS.title,
        label: plain(t('central.field.title'), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: 'value', max_length: CENTRAL_TITLE_MAX },
      },
      {
        type: 'input',
        block_id: CENTRAL_BLOCKS.passedOn,
        label: plain(t('central.field.passedOn'), PLAIN_TEXT_MAX.label),
        element: { type: 'datepicker', action_id: 'value', initial_date: today },
      },
      {
        type: 'input',
        block_id: CENTRAL_BLOCKS.group,
        label: plain(
          groups.length <= MAX_GROUP_OPTIONS ? t('central.field.group') : t('central.field.groupCode'),
          PLAIN_TEXT_MAX.label,
        ),
        element: groupElement,
      },
      {
        type: 'input',
        block_id: CENTRAL_BLOCKS.meeting,
        optional: true,
        label: plain(t('central.field.meeting'), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: 'value', max_length: CENTRAL_MEETING_MAX },
      },
      {
        type: 'input',
        block_id: CENTRAL_BLOCKS.url,
        optional: true,
        label: plain(t('central.field.url'), PLAIN_TEXT_MAX.label),
        element: { type: 'url_text_input', action_id: 'value' },
      },
    ],
  };
}
