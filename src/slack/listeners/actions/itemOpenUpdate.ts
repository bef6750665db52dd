// The "update" button on item cards, reminders and the App Home (action item.open_update): opens
// the status-update modal prefilled with the item as it is now, whatever version the button saw.
import type { BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeItemButton } from '../../../blocks/ids.ts';
import { translator } from '../../../i18n/index.ts';
import { getItem } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { answer, answerTargetOf } from '../../respond.ts';
import { openItemUpdateModal } from '../views/itemUpdateOpen.ts';

export function itemOpenUpdate(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = action.type === 'button' ? decodeItemButton(action.value) : undefined;
    const userId = body.user.id;
    // The trigger expires 3 s after the click: the locale may not wait for a slow users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    if (!value) {
      // A value this bot did not write (an older version's button): say so, open nothing.
      await answer(target, buildNotice(translator(locale)('flow.buttonOutOfDate'))).catch(() => {});
      return;
    }
    const item = getItem(deps.db, value.itemId);
    await openItemUpdateModal(
      client,
      body.trigger_id,
      deps,
      { userId, locale, item, itemNotFound: item === undefined },
      target,
    );
  };
}
