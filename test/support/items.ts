// An item by its reference (`P1#2`), its history rows, and the status-update modal submitted
// for it, shaped like Slack's: what the security and end-to-end tests change items with.

import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { encodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import type { Db } from '../../src/db/client.ts';
import { findItem } from '../../src/store/items.ts';
import { type Json, stateValue, viewSubmission } from './payloads.ts';

export function itemOf(db: Db, ref: string) {
  const [planCode, itemCode] = ref.split('#') as [string, string];
  const item = findItem(db, planCode, itemCode);
  if (!item) throw new Error(`no item ${ref}`);
  return item;
}

export function historyOf(db: Db, itemId: number) {
  return db.$client
    .prepare(
      'select field, from_value, to_value, note, actor, request_key from item_history where item_id = ? order by id',
    )
    .all(itemId) as {
    field: string;
    from_value: string | null;
    to_value: string | null;
    note: string | null;
    actor: string;
    request_key: string | null;
  }[];
}

export interface UpdateSubmissionInput {
  user: string;
  ref: string;
  status: 'done' | 'started' | 'not_started';
  note?: string;
  viewId?: string;
  /** The version the modal was opened on; omitted = opened blank (no version check). */
  version?: number;
}

/** The status-update modal submitted for one item, as Slack posts it. */
export function updateSubmission(db: Db, input: UpdateSubmissionInput): Json {
  const item = itemOf(db, input.ref);
  const planId = item.plan.id;
  return viewSubmission({
    user_id: input.user,
    callback_id: VIEWS.itemUpdate,
    ...(input.viewId ? { view_id: input.viewId } : {}),
    private_metadata: encodeMetadata({
      planId,
      ...(input.version === undefined ? {} : { itemId: item.id, version: input.version }),
    }),
    values: {
      [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(planId)) },
      [itemBlockId(planId)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(item.id)) },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio(input.status) },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text(input.note ?? null) },
      [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: stateValue.checkboxes([]) },
    },
  });
}
