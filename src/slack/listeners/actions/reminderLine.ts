// A click on a line of a reminder (a message with many items) must not replace the reminder with
// one item's card: the other lines are the person's to-do list. The answer is the message as
// Slack sent it back with the click (`body.message`), with only the clicked item's line rebuilt
// from the item as it is now: its status, and who changed it and when when the click applied.

import { type ReminderLineChange, reminderLineBlocks, replaceReminderLine } from '../../../blocks/messages/reminder.ts';
import type { Block, SlackMessage } from '../../../blocks/parts/index.ts';
import { todayIn } from '../../../domain/dates.ts';
import { lightOf, overdueWorkdays } from '../../../domain/lights.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { ItemDetail } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';

/** The clicked message as block_actions carries it (absent for ephemeral messages and the Home tab). */
export interface ClickedMessage {
  text?: string;
  blocks?: unknown[];
}

/** The reminder with the item's line rewritten, or undefined when the clicked message is not a reminder holding it. */
export function reminderWithLineUpdated(
  deps: SlackDeps,
  t: Translate,
  clicked: ClickedMessage | undefined,
  item: ItemDetail,
  change?: Omit<ReminderLineChange, 'timeZone'>,
): SlackMessage | undefined {
  if (!clicked?.blocks || item.dueOn === null) return undefined;
  const asOf = todayIn(deps.now(), deps.config.REFORM_TZ);
  const line = reminderLineBlocks(
    t,
    {
      itemId: item.id,
      version: item.version,
      planCode: item.plan.code,
      itemCode: item.code,
      title: item.title,
      dueOn: item.dueOn,
      status: item.status,
      light: lightOf(item, asOf, deps.calendar, deps.config.REFORM_YELLOW_WORKDAYS),
      overdueWorkdays: overdueWorkdays(item.dueOn, asOf, deps.calendar),
    },
    change ? { ...change, timeZone: deps.config.REFORM_TZ } : undefined,
  );
  const blocks = replaceReminderLine(clicked.blocks as Block[], item.id, line);
  return blocks ? { text: clicked.text ?? '', blocks } : undefined;
}
