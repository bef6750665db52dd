// "Request extension…" on an item card or a reminder line (action extension.open): opens the
// extension form for the item as it is now. A person who may not ask, or an item that cannot be
// extended (done, no due date, plan closed) or already has a request waiting, is told why at once
// instead of being given a form that would be refused.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeItemButton } from '../../../blocks/ids.ts';
import { extensionPendingText, extensionRefusedText } from '../../../blocks/messages/extensionNotices.ts';
import { extensionRequestModal } from '../../../blocks/modals/extensionRequest.ts';
import { extensionBlocker } from '../../../domain/extensions.ts';
import { mayUpdateItem } from '../../../domain/permissions.ts';
import { translator } from '../../../i18n/index.ts';
import { pendingExtension } from '../../../store/extensions.ts';
import { getItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { openModal } from '../../openModal.ts';
import { answer, answerTargetOf } from '../../respond.ts';
import { refusalText } from '../commands/itemErrors.ts';

export function extensionOpen(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    // The trigger expires 3 s after the click: the locale may not wait for a slow users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const t = translator(locale);
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    const value = decodeItemButton(action.value ?? '');
    const item = value ? getItem(deps.db, value.itemId) : undefined;
    const tell = (text: string) => answer(target, buildNotice(text)).catch(() => {});
    if (!value) return tell(t('flow.buttonOutOfDate'));
    if (!item) return tell(t('cmd.error.badButton'));
    const ref = { planCode: item.plan.code, itemCode: item.code };
    if (!mayUpdateItem(loadPerson(deps.db, userId), item).allowed) return tell(refusalText(t, item));
    const blocker = extensionBlocker({ status: item.status, dueOn: item.dueOn, planStage: item.plan.stage });
    if (blocker) return tell(extensionRefusedText(t, ref, [blocker]));
    const pending = pendingExtension(deps.db, item.id);
    if (pending) return tell(extensionPendingText(t, ref, pending));
    const view = extensionRequestModal(t, item, {
      itemId: item.id,
      ...(body.channel?.id ? { channel: body.channel.id } : {}),
    });
    await openModal(
      {
        client,
        triggerId: body.trigger_id,
        locale,
        log: deps.log,
        tellFailure: target,
        context: { userId, itemId: item.id, flow: 'extension' },
      },
      view,
    );
  };
}
