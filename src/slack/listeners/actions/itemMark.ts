// The "mark started" button (item cards, reminders): one click. ("Mark done" opens the form:
// itemMarkDone.ts; done needs evidence.) The button carries
// the item id and the version the person saw: a click built on an older card is refused as
// stale, and a second click of the same card finds the status already set and changes nothing,
// so a double click makes one history entry. The change is saved (or durably queued) BEFORE the
// click is acknowledged, so an acknowledged click is never lost. On an item card the answer
// replaces the card with the fresh one; on a reminder it rewrites only the clicked line
// (reminderLine.ts), the other lines stay as they were.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeItemButton } from '../../../blocks/ids.ts';
import { itemRefText } from '../../../blocks/parts/index.ts';
import type { Status } from '../../../domain/types.ts';
import { type Translate, translator } from '../../../i18n/index.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { getItem, type ItemDetail } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { localeFor } from '../../locale.ts';
import { type AnswerTarget, answer, answerTargetOf } from '../../respond.ts';
import {
  describeItemUpdate,
  type SavedUpdate,
  saveItemUpdate,
  type UpdateOutcome,
} from '../commands/saveItemUpdate.ts';
import { failureText } from '../failureText.ts';
import { type ClickedMessage, reminderWithLineUpdated } from './reminderLine.ts';

/**
 * A click on a reminder line: the reminder comes back whole with that line updated. A click
 * built on an outdated line is also told so, below. False when the message is not a reminder.
 */
async function answeredOnReminder(
  deps: SlackDeps,
  t: Translate,
  target: AnswerTarget,
  clicked: ClickedMessage | undefined,
  item: ItemDetail,
  outcome: UpdateOutcome,
  userId: string,
): Promise<boolean> {
  // Who and when are shown for this person's change (a retried click is the same change).
  const byThisClick = outcome === 'applied' || outcome === 'duplicate';
  const reminder = reminderWithLineUpdated(
    deps,
    t,
    clicked,
    item,
    byThisClick ? { actor: userId, at: deps.now().toISOString() } : undefined,
  );
  if (!reminder) return false;
  await answer(target, reminder, { replace: true });
  if (outcome === 'stale')
    await answer(target, buildNotice(t('cmd.update.reminderStale', { ref: itemRefText(item.plan.code, item.code) })));
  return true;
}

export function itemMark(
  deps: SlackDeps,
  status: Status,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
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
      if (
        result.item &&
        (await answeredOnReminder(deps, t, target, body.message, result.item, result.outcome, userId))
      ) {
        if (result.outcome === 'applied')
          refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, result.item.id)]);
        return;
      }
      // A card replaces the one clicked; a refusal or "being saved" note leaves it as it was.
      await answer(target, result.message, { replace: result.item !== undefined });
      if (result.outcome === 'applied' && result.item)
        refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, result.item.id)]);
    } catch (error) {
      deps.log.error(
        { userId, err: (error as Error).message, stack: (error as Error).stack },
        `${action.action_id} failed`,
      );
      await answer(target, buildNotice(failureText(t, error))).catch(() => {});
    }
  };
}
