// The "mark started" and "mark done" buttons (item cards, reminders, App Home). The button carries
// the item id and the version the person saw: a click built on an older card is refused as
// stale, and a second click of the same card finds the status already set and changes nothing,
// so a double click makes one history entry. The change is saved (or durably queued) BEFORE the
// click is acknowledged, so an acknowledged click is never lost; the answer replaces the card
// with the fresh one.
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
import { answer, answerTargetOf } from '../../respond.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { describeItemUpdate, type SavedUpdate, saveItemUpdate } from '../commands/applyItemUpdate.ts';
import { failureText } from '../failureText.ts';

export function itemMark(deps: SlackDeps, status: Status): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond, client }) => {
    const userId = body.user.id;
    const value = decodeItemButton(action.value ?? '');
    let saved: SavedUpdate | undefined;
    let failure: unknown;
    const person = loadPerson(deps.db, userId);
    try {
      const item = value ? getItem(deps.db, value.itemId) : undefined;
      if (value && item) {
        saved = await saveItemUpdate(deps, {
          person,
          item,
          status,
          // Slack redelivers an unacknowledged click with the same action_ts.
          requestKey: `action:${action.action_ts}`,
          expectedVersion: value.version,
          responseUrl: body.response_url,
        });
      }
    } catch (error) {
      failure = error;
    }
    await ack();
    const t = translator(await localeFor(client, deps, userId));
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    try {
      if (failure) throw failure;
      if (!saved) {
        await answer(target, buildNotice(t('cmd.error.badButton')));
        return;
      }
      const result = describeItemUpdate(deps, t, person, saved);
      if (!result.message) return; // a redelivered click: its first delivery answers
      // A card replaces the one clicked; a refusal or "being saved" note leaves it as it was.
      await answer(target, result.message, { replace: result.item !== undefined });
      if (result.outcome === 'applied' && result.item) refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, result.item.id)]);
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message, stack: (error as Error).stack }, `${action.action_id} failed`);
      await answer(target, buildNotice(failureText(t, error))).catch(() => {});
    }
  };
}
