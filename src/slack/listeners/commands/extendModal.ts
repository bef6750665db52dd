// `/reform extend P1#3` (延期 without a date): opens the extension form for the item, as the
// button on its card does (README "Extension requests"); a person who may not ask, or an item
// that cannot be extended, is told why instead.
import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import type { ItemRef } from '../../../domain/itemRef.ts';
import { findItem } from '../../../store/items.ts';
import { extensionFormRefusal, openExtensionForm } from '../extensions/extensionOpen.ts';
import { unknownItemText } from './itemErrors.ts';
import type { CommandRequest } from './request.ts';

/** Returns a message only when there is something to say instead of the form. */
export async function extendModalSubcommand(req: CommandRequest, ref: ItemRef): Promise<SlackMessage | undefined> {
  const item = findItem(req.deps.db, ref.planCode, ref.itemCode);
  if (!item) return buildNotice(unknownItemText(req.deps, req.t, ref));
  const refusal = extensionFormRefusal(req.deps, req.t, req.userId, item);
  if (refusal) return buildNotice(refusal);
  // The command's own answer says when the form did not open.
  const opened = await openExtensionForm(req.deps, {
    client: req.client,
    triggerId: req.triggerId,
    locale: req.locale,
    userId: req.userId,
    item,
  });
  return opened.opened ? undefined : buildNotice(req.t('cmd.error.modal'));
}
