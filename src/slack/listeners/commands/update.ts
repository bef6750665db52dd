// `/reform update P1#3 done note…` (更新): a one-line status update, in two steps around the ack.
// `saveOneLineUpdate` runs before Slack is acknowledged and saves (or durably queues) the change;
// `answerOneLineUpdate` runs after and says what happened. The request key is the command's
// trigger_id, so a redelivered command (x-slack-retry-num) applies once.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import type { ItemRef } from '../../../domain/itemRef.ts';
import type { Person } from '../../../domain/permissions.ts';
import type { Status } from '../../../domain/types.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { findItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { unknownItemText } from './itemErrors.ts';
import type { CommandRequest } from './request.ts';
import { describeItemUpdate, type SavedUpdate, saveItemUpdate } from './saveItemUpdate.ts';

export interface OneLineUpdate {
  ref: ItemRef;
  status: Status;
  note?: string;
}

export interface OneLineSaved {
  update: OneLineUpdate;
  person: Person;
  /** Absent when the item does not exist. */
  saved?: SavedUpdate;
}

export async function saveOneLineUpdate(
  deps: SlackDeps,
  command: { userId: string; triggerId: string; responseUrl?: string },
  update: OneLineUpdate,
): Promise<OneLineSaved> {
  const person = loadPerson(deps.db, command.userId);
  const item = findItem(deps.db, update.ref.planCode, update.ref.itemCode);
  if (!item) return { update, person };
  const saved = await saveItemUpdate(deps, {
    person,
    item,
    status: update.status,
    note: update.note,
    requestKey: `cmd:${command.triggerId}`,
    responseUrl: command.responseUrl,
  });
  return { update, person, saved };
}

/** The answer, or undefined for a redelivered command (its first delivery answers). */
export async function answerOneLineUpdate(req: CommandRequest, pre: OneLineSaved): Promise<SlackMessage | undefined> {
  const { deps } = req;
  if (!pre.saved) return buildNotice(unknownItemText(deps, req.t, pre.update.ref));
  const result = describeItemUpdate(deps, req.t, pre.person, pre.saved);
  if (result.outcome === 'applied' && result.item)
    refreshHomesLater(deps, [req.userId, ...peopleConcernedBy(deps.db, result.item.id)]);
  return result.message;
}
