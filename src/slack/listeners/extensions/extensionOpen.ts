// "Request extension…" on an item card or a reminder line (action extension.open): opens the
// extension form for the item as it is now. A person who may not ask, or an item that cannot be
// extended (done, no due date, plan closed) or already has a request waiting, is told why at once
// instead of being given a form that would be refused.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeItemButton } from '../../../blocks/ids.ts';
import { extensionPendingText, extensionRefusedText } from '../../../blocks/messages/extensionNotices.ts';
import { extensionRequestModal } from '../../../blocks/modals/extensionRequest.ts';
import { extensionBlocker } from '../../../domain/extensions.ts';
import { mayUpdateItem } from '../../../domain/permissions.ts';
import type { Locale } from '../../../domain/types.ts';
import { type Translate, translator } from '../../../i18n/index.ts';
import { pendingExtension } from '../../../store/extensions.ts';
import { getItem, type ItemDetail } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { type ModalOpened, openModal } from '../../openModal.ts';
import { type AnswerTarget, answer, answerTargetOf } from '../../respond.ts';
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
    const refusal = extensionFormRefusal(deps, t, userId, item);
    if (refusal) return tell(refusal);
    await openExtensionForm(deps, {
      client,
      triggerId: body.trigger_id,
      locale,
      userId,
      item,
      tellFailure: target,
      ...(body.channel?.id ? { channel: body.channel.id } : {}),
    });
  };
}

/** Why this person may not have the form for this item now (told instead), or undefined. */
export function extensionFormRefusal(
  deps: SlackDeps,
  t: Translate,
  userId: string,
  item: ItemDetail,
): string | undefined {
  const ref = { planCode: item.plan.code, itemCode: item.code };
  if (!mayUpdateItem(loadPerson(deps.db, userId), item).allowed) return refusalText(t, item);
  const blocker = extensionBlocker({ status: item.status, dueOn: item.dueOn, planStage: item.plan.stage });
  if (blocker) return extensionRefusedText(t, ref, [blocker]);
  const pending = pendingExtension(deps.db, item.id);
  return pending ? extensionPendingText(t, ref, pending) : undefined;
}

/** Opens the extension form (from the card's button or `/reform extend P1#3`). */
export function openExtensionForm(
  deps: SlackDeps,
  request: {
    client: webApi.WebClient;
    triggerId: string;
    locale: Locale;
    userId: string;
    item: ItemDetail;
    /** The channel a reminder line was clicked in, kept in the form's metadata. */
    channel?: string;
    tellFailure?: AnswerTarget;
  },
): Promise<ModalOpened> {
  const t = translator(request.locale);
  const view = extensionRequestModal(t, request.item, {
    itemId: request.item.id,
    ...(request.channel ? { channel: request.channel } : {}),
  });
  return openModal(
    {
      client: request.client,
      triggerId: request.triggerId,
      locale: request.locale,
      log: deps.log,
      ...(request.tellFailure ? { tellFailure: request.tellFailure } : {}),
      context: { userId: request.userId, itemId: request.item.id, flow: 'extension' },
    },
    view,
  );
}
