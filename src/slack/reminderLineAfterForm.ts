// Mark done on a reminder line opens the update form; the line is rewritten only when the form
// is saved. The bot may not read its DMs back (no im:history scope, on purpose: manifest.yml), so
// the message's blocks, which Slack sends with the click, are kept here in memory under the
// message's channel and ts (carried in the form's private_metadata) until the form comes back.
// After a restart they are gone: the line then stays as it was (logged), the save stands.
import type { webApi } from '@slack/bolt';
import type { ReminderMessageRef } from '../blocks/modals/itemUpdate.ts';
import type { Translate } from '../i18n/index.ts';
import type { ItemDetail } from '../store/items.ts';
import type { SlackDeps } from './deps.ts';
import { type ClickedMessage, reminderWithLineUpdated } from './listeners/actions/reminderLine.ts';

/** Enough for every form open at once in an office; the oldest is dropped first. */
const KEPT_MAX = 500;
const kept = new Map<string, ClickedMessage>();
const keyOf = (ref: ReminderMessageRef) => `${ref.channel}:${ref.ts}`;

/** Remembers the clicked reminder's blocks until its form is submitted. */
export function keepReminderMessage(ref: ReminderMessageRef, message: ClickedMessage): void {
  const key = keyOf(ref);
  kept.delete(key);
  kept.set(key, { text: message.text, blocks: message.blocks });
  while (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value as string);
}

/**
 * After the form saved `item`: the reminder comes back whole with that line showing the new
 * status, who and when (chat.update). Never throws: the save succeeded whatever happens here.
 */
export async function updateReminderLineAfterForm(
  deps: SlackDeps,
  client: webApi.WebClient,
  t: Translate,
  ref: ReminderMessageRef,
  item: ItemDetail,
  actor: string,
): Promise<void> {
  const context = { channel: ref.channel, ts: ref.ts, itemId: item.id };
  const message = kept.get(keyOf(ref));
  const updated = reminderWithLineUpdated(deps, t, message, item, { actor, at: deps.now().toISOString() });
  if (!updated) {
    deps.log.info(context, 'update form saved; the reminder it came from is not known here, its line stays as it was');
    return;
  }
  try {
    await client.chat.update({
      channel: ref.channel,
      ts: ref.ts,
      text: updated.text ?? '',
      blocks: updated.blocks as never,
    });
    keepReminderMessage(ref, { text: updated.text, blocks: updated.blocks as unknown[] });
  } catch (error) {
    deps.log.warn(
      { ...context, err: (error as Error).message },
      'update form saved; could not rewrite the reminder line',
    );
  }
}
