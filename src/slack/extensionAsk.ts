// Asking for an extension from Slack (README "Extension requests"), the same for the command and
// the form: who may ask (the people who may update the item), then one transaction that saves the
// request and queues the approvers' DMs. Runs before the ack, like every change from Slack: an
// acknowledged request is saved, and a busy database is said, with nothing saved.
import { extensionPendingText, extensionRefusedText, extensionSentText } from '../blocks/messages/extensionNotices.ts';
import { retryWhileBusy } from '../db/busy.ts';
import { mayUpdateItem, type Person } from '../domain/permissions.ts';
import type { Translate } from '../i18n/index.ts';
import { type AskResult, requestExtension } from '../store/extensions.ts';
import type { ItemDetail } from '../store/items.ts';
import type { SlackDeps } from './deps.ts';
import { queueExtensionRequests } from './extensionOutbox.ts';
import { refusalText } from './listeners/commands/itemErrors.ts';
import { SAVE_BEFORE_ACK_MS } from './saveItemChange.ts';

export interface ExtensionAskRequest {
  person: Person;
  item: ItemDetail;
  toDueOn: string;
  reason: string;
  requestKey: string;
}

export type ExtensionAskOutcome = { kind: 'refused'; item: ItemDetail } | AskResult;

/** Throws DatabaseBusyError when the database stayed locked past what Slack can wait. */
export async function askExtension(deps: SlackDeps, req: ExtensionAskRequest): Promise<ExtensionAskOutcome> {
  if (!mayUpdateItem(req.person, req.item).allowed) return { kind: 'refused', item: req.item };
  const at = deps.now();
  return retryWhileBusy(
    () =>
      requestExtension(
        deps.db,
        {
          itemId: req.item.id,
          by: req.person.userId,
          toDueOn: req.toDueOn,
          reason: req.reason,
          requestKey: req.requestKey,
          at,
        },
        (saved) => queueExtensionRequests(deps.db, deps.config, saved, at),
      ),
    { budgetMs: SAVE_BEFORE_ACK_MS },
  );
}

/** What the requester is told; undefined for a redelivered request (its first delivery answered). */
export function extensionAskText(t: Translate, outcome: ExtensionAskOutcome): string | undefined {
  switch (outcome.kind) {
    case 'refused':
      return refusalText(t, outcome.item);
    case 'notFound':
      return t('cmd.error.badButton');
    case 'invalid':
      return extensionRefusedText(
        t,
        { planCode: outcome.item.plan.code, itemCode: outcome.item.code },
        outcome.problems,
      );
    case 'pending':
      return extensionPendingText(
        t,
        { planCode: outcome.item.plan.code, itemCode: outcome.item.code },
        outcome.request,
      );
    case 'requested':
      return extensionSentText(
        t,
        { planCode: outcome.item.plan.code, itemCode: outcome.item.code },
        outcome.request.toDueOn,
        outcome.approvers,
      );
    case 'duplicate':
      return undefined;
  }
}
