// One status change asked for in Slack (a one-line `/reform update`, a card button): check who
// asks, apply it through changeItem (idempotent by requestKey, refused as stale by
// expectedVersion), and say what happened above the refreshed card.
import { mayUpdateItem, type Person } from '../../../domain/permissions.ts';
import type { Status } from '../../../domain/types.ts';
import type { Translate } from '../../../i18n/index.ts';
import { changeItem, type ItemDetail } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { itemRefText, type SlackMessage, statusLabel } from '../../ui/parts/index.ts';
import { itemCardFor, ownershipOf } from './itemCardFor.ts';
import { refusalText } from './itemErrors.ts';

export interface UpdateRequest {
  person: Person;
  item: ItemDetail;
  status: Status;
  note?: string;
  /** `cmd:<trigger_id>` or `action:<action_ts>`: a redelivered request applies once. */
  requestKey: string;
  /** The version on the card that was clicked; absent for a typed command (it names the item now). */
  expectedVersion?: number;
}

export type UpdateOutcome = 'refused' | 'applied' | 'unchanged' | 'duplicate' | 'stale' | 'notFound';

export interface UpdateAnswer {
  outcome: UpdateOutcome;
  message: SlackMessage;
  /** The item after the attempt (undefined when refused or gone). */
  item?: ItemDetail;
}

export function applyItemUpdate(deps: SlackDeps, t: Translate, req: UpdateRequest): UpdateAnswer {
  const { person, item } = req;
  if (!mayUpdateItem(person, ownershipOf(item)).allowed) {
    return { outcome: 'refused', message: buildNotice(refusalText(t, item)) };
  }
  const result = changeItem(deps.db, {
    itemId: item.id,
    status: req.status,
    note: req.note,
    actor: person.userId,
    source: 'slack',
    at: deps.now(),
    requestKey: req.requestKey,
    expectedVersion: req.expectedVersion,
  });
  if (result.kind === 'notFound') return { outcome: 'notFound', message: buildNotice(t('cmd.error.badButton')) };
  const after = result.item;
  const ref = itemRefText(after.plan.code, after.code);
  let note: string;
  switch (result.kind) {
    case 'applied':
      note =
        result.fromStatus === after.status
          ? t('cmd.update.noteAdded', { ref })
          : t('cmd.update.applied', { ref, from: statusLabel(t, result.fromStatus), to: statusLabel(t, after.status) });
      break;
    case 'unchanged':
      note = t('cmd.update.unchanged', { ref, status: statusLabel(t, after.status) });
      break;
    case 'duplicate':
      note = t('cmd.update.duplicate', { ref });
      break;
    case 'stale':
      note = t('cmd.update.stale', { ref });
      break;
  }
  return { outcome: result.kind, item: after, message: buildNotice(note, itemCardFor(deps, t, after, person)) };
}
