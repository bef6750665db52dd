// One status change asked for in Slack (a one-line `/reform update`, a card button), in two
// steps. `saveItemUpdate` runs BEFORE the request is acknowledged: it checks who asks and saves
// through changeItem (idempotent by requestKey, refused as stale by expectedVersion), or, when
// another process holds the database for longer than Slack can wait, queues the change durably
// (src/spool). `describeItemUpdate` runs after the ack and says what happened above the
// refreshed card. So a click is never acknowledged and then lost.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import { itemRefText, type SlackMessage, statusLabel } from '../../../blocks/parts/index.ts';
import { missingEvidence } from '../../../domain/evidence.ts';
import { mayUpdateItem, type Person } from '../../../domain/permissions.ts';
import type { Locale, Status } from '../../../domain/types.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { ChangeResult, ItemDetail } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';
import { saveItemChange } from '../../saveItemChange.ts';
import { itemCardFor } from './itemCardFor.ts';
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
  /** Where a queued change's result is told later (else a DM). */
  responseUrl?: string;
  locale?: Locale;
}

export type UpdateOutcome =
  | 'refused'
  | 'needsEvidence'
  | 'applied'
  | 'unchanged'
  | 'duplicate'
  | 'stale'
  | 'notFound'
  | 'queued';

export type SavedUpdate =
  | { outcome: 'refused'; item: ItemDetail }
  /** Done without a note: nothing saved, the person is asked for the evidence. */
  | { outcome: 'needsEvidence'; item: ItemDetail }
  | { outcome: 'queued'; item: ItemDetail }
  | { outcome: 'saved'; result: ChangeResult };

export interface UpdateAnswer {
  outcome: UpdateOutcome;
  /**
   * What to tell the person; absent for a duplicate. A duplicate request key means a delivery
   * of this very request already saved the change, and that delivery answers it (after its own
   * ack, in the same process): a second answer would show the outcome twice (README "Using it in Slack": retries
   * are silent). Only a crash between the save and that answer leaves the person unanswered;
   * the card and App Home then show the saved state when next looked at.
   */
  message?: SlackMessage;
  /** The item after the attempt (undefined when refused or gone). */
  item?: ItemDetail;
}

export async function saveItemUpdate(deps: SlackDeps, req: UpdateRequest): Promise<SavedUpdate> {
  const { person, item } = req;
  if (!mayUpdateItem(person, item).allowed) return { outcome: 'refused', item };
  if (missingEvidence({ from: item.status, to: req.status, note: req.note })) return { outcome: 'needsEvidence', item };
  const saved = await saveItemChange(deps, {
    v: 1,
    itemId: item.id,
    status: req.status,
    note: req.note,
    actor: person.userId,
    at: deps.now().toISOString(),
    requestKey: req.requestKey,
    expectedVersion: req.expectedVersion,
    responseUrl: req.responseUrl,
    locale: req.locale,
  });
  return saved.kind === 'queued' ? { outcome: 'queued', item } : { outcome: 'saved', result: saved.result };
}

/** The note above the card for a change that reached the database. */
export function describeChange(t: Translate, result: Exclude<ChangeResult, { kind: 'notFound' }>): string {
  const after = result.item;
  const ref = itemRefText(after.plan.code, after.code);
  switch (result.kind) {
    case 'applied':
      return result.fromStatus === after.status
        ? t('cmd.update.noteAdded', { ref })
        : t('cmd.update.applied', { ref, from: statusLabel(t, result.fromStatus), to: statusLabel(t, after.status) });
    case 'unchanged':
      return t('cmd.update.unchanged', { ref, status: statusLabel(t, after.status) });
    case 'duplicate':
      // Only a queued change drained again after a crash gets here: its person was not told yet.
      return t('cmd.update.duplicate', { ref });
    case 'stale':
      return t('cmd.update.stale', { ref });
  }
}

export function describeItemUpdate(deps: SlackDeps, t: Translate, person: Person, saved: SavedUpdate): UpdateAnswer {
  if (saved.outcome === 'refused') return { outcome: 'refused', message: buildNotice(refusalText(t, saved.item)) };
  if (saved.outcome === 'needsEvidence') {
    const ref = itemRefText(saved.item.plan.code, saved.item.code);
    return { outcome: 'needsEvidence', message: buildNotice(t('cmd.update.needsEvidence', { ref })) };
  }
  if (saved.outcome === 'queued') {
    const ref = itemRefText(saved.item.plan.code, saved.item.code);
    return { outcome: 'queued', message: buildNotice(t('cmd.update.queued', { ref })) };
  }
  const { result } = saved;
  if (result.kind === 'notFound') return { outcome: 'notFound', message: buildNotice(t('cmd.error.badButton')) };
  if (result.kind === 'duplicate') return { outcome: 'duplicate', item: result.item };
  return {
    outcome: result.kind,
    item: result.item,
    message: buildNotice(describeChange(t, result), itemCardFor(deps, t, result.item, person)),
  };
}
