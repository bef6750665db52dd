// The "mark done" button (item cards, reminders): done needs evidence (docs/PRACTICE.md rule 3), so
// the click does not change the item; it opens the update form for the item with done chosen and
// the evidence note to write, and the change happens when the form is submitted (where the note
// is required). The message clicked is left as it was until then; a reminder line is rewritten once
// the form is saved (reminderLineAfterForm.ts). If Slack refuses to open the form (the
// trigger expired, a slow network) the person is told so in their language.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeItemButton } from '../../../blocks/ids.ts';
import type { ReminderMessageRef } from '../../../blocks/modals/itemUpdate.ts';
import { translator } from '../../../i18n/index.ts';
import { getItem } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { keepReminderMessage } from '../../reminderLineAfterForm.ts';
import { answer, answerTargetOf } from '../../respond.ts';
import { openItemUpdateModal } from '../views/itemUpdateOpen.ts';
import { reminderWithLineUpdated } from './reminderLine.ts';

export function itemMarkDone(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    const value = decodeItemButton(action.value ?? '');
    const item = value ? getItem(deps.db, value.itemId) : undefined;
    // The trigger expires 3 s after the click: the locale may not wait for a slow users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const t = translator(locale);
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    if (!item) {
      await answer(target, buildNotice(t('cmd.error.badButton'))).catch(() => {});
      return;
    }
    // Clicked on a reminder line: the form remembers that message, whose line shows the change once saved.
    const clicked = body.message as { ts?: string; text?: string; blocks?: unknown[] } | undefined;
    const channel = body.channel?.id;
    let reminder: ReminderMessageRef | undefined;
    if (clicked?.ts && channel && reminderWithLineUpdated(deps, t, clicked, item)) {
      reminder = { channel, ts: clicked.ts };
      keepReminderMessage(reminder, clicked);
    }
    try {
      // Slack refusing to open it (an expired trigger) is told to the person by openModal.
      await openItemUpdateModal(
        client,
        body.trigger_id,
        deps,
        { userId, locale, item, status: 'done', reminder },
        target,
      );
    } catch (error) {
      deps.log.warn(
        { userId, itemId: item.id, err: (error as Error).message },
        'could not open the update form for mark done',
      );
      await answer(target, buildNotice(t('cmd.markDone.formFailed'))).catch(() => {});
    }
  };
}
