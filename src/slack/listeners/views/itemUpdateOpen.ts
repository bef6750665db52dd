// Opens the status-update modal: blank (`/reform update`) or for one item (`/reform update P1#3`,
// the card's and the reminders' "update" button). A trigger_id lives 3 seconds, so everything the
// modal shows is read from SQLite (milliseconds) and views.open is the only Web API call.
import type { webApi } from '@slack/bolt';
import { todayIn } from '../../../domain/dates.ts';
import { lightOf } from '../../../domain/lights.ts';
import { mayUpdateItem } from '../../../domain/permissions.ts';
import type { Locale, Status } from '../../../domain/types.ts';
import { translator } from '../../../i18n/index.ts';
import type { ItemDetail } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { type ItemUpdateModalData, itemUpdateModal } from '../../ui/modals/itemUpdate.ts';

export interface OpenItemUpdateOptions {
  userId: string;
  locale: Locale;
  /** Prefill for this item. */
  item?: ItemDetail;
  /** The person asked for an item that no longer exists: say so above the blank form. */
  itemNotFound?: boolean;
  /** The status chosen when the form opens (Mark done opens it with done); else the item's. */
  status?: Status;
}

/** Returns the id of the opened view. */
export async function openItemUpdateModal(
  client: webApi.WebClient,
  triggerId: string,
  deps: SlackDeps,
  options: OpenItemUpdateOptions,
): Promise<string | undefined> {
  const data: ItemUpdateModalData = options.item
    ? prefillFor(deps, options.userId, options.item)
    : { notice: options.itemNotFound ? 'itemNotFound' : undefined };
  if (options.status) data.status = options.status;
  const result = await client.views.open({ trigger_id: triggerId, view: itemUpdateModal(translator(options.locale), data) });
  return result.view?.id;
}

/** The modal's data for one item: current status and light, and a warning when saving would be refused. */
export function prefillFor(deps: SlackDeps, userId: string, item: ItemDetail): ItemUpdateModalData {
  const asOf = todayIn(deps.now(), deps.config.REFORM_TZ);
  const allowed = mayUpdateItem(loadPerson(deps.db, userId), {
    leadGroupId: item.leadGroup?.id ?? null,
    departmentIds: item.departments.map((d) => d.id),
  }).allowed;
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
      light: lightOf(item, asOf, deps.calendar, deps.config.REFORM_YELLOW_WORKDAYS),
      institutionalOutcome: item.institutionalOutcome,
      departments: item.departments.map((d) => d.name),
      note: item.note,
    },
    notice: allowed ? undefined : 'notResponsible',
  };
}

/**
 * The person's locale, but never slower than `ms`: a cold cache means a users.info call, and a
 * trigger_id or an options request cannot wait for a slow Slack. The lookup still completes in the
 * background and fills the cache for next time.
 */
export async function localeWithin(client: webApi.WebClient, deps: SlackDeps, userId: string, ms = 1000): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const fallback = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => resolve(deps.config.REFORM_LOCALE), ms);
  });
  try {
    return await Promise.race([localeFor(client, deps, userId), fallback]);
  } finally {
    clearTimeout(timer);
  }
}
