// `/reform update P1#3 done note…` (更新): a one-line status update. The request key is the
// command's trigger_id, so a redelivered command (x-slack-retry-num) applies once.
import type { ItemRef } from '../../../domain/itemRef.ts';
import type { Status } from '../../../domain/types.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { findItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import type { SlackMessage } from '../../ui/parts/index.ts';
import { applyItemUpdate } from './applyItemUpdate.ts';
import { unknownItemText } from './itemErrors.ts';
import type { CommandRequest } from './request.ts';

export interface OneLineUpdate {
  ref: ItemRef;
  status: Status;
  note?: string;
}

export async function updateSubcommand(req: CommandRequest, update: OneLineUpdate): Promise<SlackMessage> {
  const { deps } = req;
  const item = findItem(deps.db, update.ref.planCode, update.ref.itemCode);
  if (!item) return buildNotice(unknownItemText(deps, req.t, update.ref));
  const result = applyItemUpdate(deps, req.t, {
    person: loadPerson(deps.db, req.userId),
    item,
    status: update.status,
    note: update.note,
    requestKey: `cmd:${req.triggerId}`,
  });
  if (result.outcome === 'applied') refreshHomesLater(deps, [req.userId, ...peopleConcernedBy(deps.db, item.id)]);
  return result.message;
}
