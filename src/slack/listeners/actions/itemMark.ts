// The "mark started" and "mark done" buttons (item cards, reminders, App Home). The button carries
// the item id and the version the person saw: a click built on an older card is refused as
// stale, and a second click of the same card finds the status already set and changes nothing,
// so a double click makes one history entry. The answer replaces the card with the fresh one.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Status } from '../../../domain/types.ts';
import { translator } from '../../../i18n/index.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { getItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { decodeItemButton } from '../../ids.ts';
import { localeFor } from '../../locale.ts';
import { answer } from '../../respond.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { applyItemUpdate } from '../commands/applyItemUpdate.ts';

export function itemMark(deps: SlackDeps, status: Status): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    const t = translator(await localeFor(client, deps, userId));
    const target = { respond, hasResponseUrl: Boolean(body.response_url), client, userId };
    try {
      const value = decodeItemButton(action.value ?? '');
      const item = value ? getItem(deps.db, value.itemId) : undefined;
      if (!value || !item) {
        await answer(target, buildNotice(t('cmd.error.badButton')));
        return;
      }
      const result = applyItemUpdate(deps, t, {
        person: loadPerson(deps.db, userId),
        item,
        status,
        // Slack redelivers an unacknowledged click with the same action_ts.
        requestKey: `action:${action.action_ts}`,
        expectedVersion: value.version,
      });
      // A refusal leaves the card as it was and adds a note; anything else refreshes the card.
      await answer(target, result.message, { replace: result.outcome !== 'refused' && result.outcome !== 'notFound' });
      if (result.outcome === 'applied') refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, item.id)]);
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message, stack: (error as Error).stack }, `${action.action_id} failed`);
      await answer(target, buildNotice(t('cmd.error.failed'))).catch(() => {});
    }
  };
}
