// `/reform update` and `/reform update P1#3` (更新 without a status): open the status-update
// modal, prefilled when an item is named. The modal itself is views/itemUpdateOpen.ts.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import type { ItemRef } from '../../../domain/itemRef.ts';
import { findItem } from '../../../store/items.ts';
import { openItemUpdateModal } from '../views/itemUpdateOpen.ts';
import { unknownItemText } from './itemErrors.ts';
import type { CommandRequest } from './request.ts';

/** Returns a message only when there is something to say besides the modal. */
export async function updateModalSubcommand(req: CommandRequest, ref?: ItemRef): Promise<SlackMessage | undefined> {
  const item = ref ? findItem(req.deps.db, ref.planCode, ref.itemCode) : undefined;
  if (ref && !item) return buildNotice(unknownItemText(req.deps, req.t, ref));
  // The command's own answer says when the modal did not open.
  const opened = await openItemUpdateModal(req.client, req.triggerId, req.deps, {
    userId: req.userId,
    locale: req.locale,
    ...(item ? { item } : {}),
  });
  return opened.opened ? undefined : buildNotice(req.t('cmd.error.modal'));
}
