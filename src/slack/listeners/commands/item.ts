// `/reform item P1#3` (事项): the item card, readable by everyone in the workspace.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import type { ItemRef } from '../../../domain/itemRef.ts';
import { findItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import { itemCardFor } from './itemCardFor.ts';
import { unknownItemText } from './itemErrors.ts';
import type { CommandRequest } from './request.ts';

export function itemSubcommand(req: Pick<CommandRequest, 'deps' | 't' | 'userId'>, ref: ItemRef): SlackMessage {
  const item = findItem(req.deps.db, ref.planCode, ref.itemCode);
  if (!item) return buildNotice(unknownItemText(req.deps, req.t, ref));
  return itemCardFor(req.deps, req.t, item, loadPerson(req.deps.db, req.userId));
}
