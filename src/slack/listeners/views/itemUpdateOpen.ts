// Opens the status-update modal: blank (`/reform update`) or for one item (`/reform update P1#3`,
// the card's and the reminders' "update" button). A trigger_id lives 3 seconds, so everything the
// modal shows is read from SQLite (milliseconds) and views.open is the only Web API call.
import type { webApi } from '@slack/bolt';
import {
  type ItemUpdateModalData,
  itemUpdateModal,
  type ReminderMessageRef,
} from '../../../blocks/modals/itemUpdate.ts';
import { asOfToday, lightsAsOf } from '../../../domain/asOfToday.ts';
import { mayUpdateItem } from '../../../domain/permissions.ts';
import type { Locale, Status } from '../../../domain/types.ts';
import { translator } from '../../../i18n/index.ts';
import type { ItemDetail } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { type ModalOpened, type ModalRequest, openModal } from '../../openModal.ts';

export interface OpenItemUpdateOptions {
  userId: string;
  locale: Locale;
  /** Prefill for this item. */
  item?: ItemDetail;
  /** The person asked for an item that no longer exists: say so above the blank form. */
  itemNotFound?: boolean;
  /** The status chosen when the form opens (Mark done opens it with done); else the item's. */
  status?: Status;
  /** Opened from a reminder line: the message whose line is rewritten once the form is saved. */
  reminder?: ReminderMessageRef;
}

/** Opens the modal; a refusal from Slack is told to `tellFailure` when given (see openModal). */
export async function openItemUpdateModal(
  client: webApi.WebClient,
  triggerId: string,
  deps: SlackDeps,
  options: OpenItemUpdateOptions,
  tellFailure?: ModalRequest['tellFailure'],
): Promise<ModalOpened> {
  const data: ItemUpdateModalData = options.item
    ? prefillFor(deps, options.userId, options.item)
    : { notice: options.itemNotFound ? 'itemNotFound' : undefined };
  if (options.status) data.status = options.status;
  if (options.reminder) data.reminder = options.reminder;
  const modal: ModalRequest = {
    client,
    triggerId,
    locale: options.locale,
    log: deps.log,
    tellFailure,
    context: { userId: options.userId, itemId: options.item?.id, flow: 'item update' },
  };
  return openModal(modal, itemUpdateModal(translator(options.locale), data));
}

/** The modal's data for one item: current status and light, and a warning when saving would be refused. */
function prefillFor(deps: SlackDeps, userId: string, item: ItemDetail): ItemUpdateModalData {
  const allowed = mayUpdateItem(loadPerson(deps.db, userId), item).allowed;
  return {
    plan: { id: item.plan.id, code: item.plan.code, title: item.plan.title, closed: item.plan.stage === 'closed' },
    item: {
      id: item.id,
      planCode: item.plan.code,
      code: item.code,
      title: item.title,
      status: item.status,
      version: item.version,
      dueOn: item.dueOn,
      light: lightsAsOf(asOfToday(deps.now(), deps))(item),
      institutionalOutcome: item.institutionalOutcome,
      departments: item.departments.map((d) => d.name),
      note: item.note,
    },
    notice: allowed ? undefined : 'notResponsible',
  };
}
