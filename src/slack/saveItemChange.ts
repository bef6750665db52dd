// Saves an item change from Slack within the time Slack gives an acknowledgement, without
// blocking the event loop: the bot's connection waits only BOT_BUSY_TIMEOUT_MS inside SQLite, and
// `retryWhileBusy` retries on timers. When another process holds the write lock past
// SAVE_BEFORE_ACK_MS, the change is queued durably instead (src/spool/changeSpool.ts) and the
// drainer applies it later; either way it is on disk before Slack hears "ok".
import { DatabaseBusyError, retryWhileBusy } from '../db/busy.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { type QueuedChange, queueChange, spoolFolderOf } from '../spool/changeSpool.ts';
import { type ChangeResult, changeItem } from '../store/items.ts';
import { currentClaim } from '../store/reviews.ts';
import type { SlackDeps } from './deps.ts';
import { queueReviewRequests } from './reviewOutbox.ts';

/** Slack waits 3 s for an acknowledgement; saving may use half, queuing and acking the rest. */
export const SAVE_BEFORE_ACK_MS = 1_500;

export type SaveOutcome = { kind: 'saved'; result: ChangeResult } | { kind: 'queued' };

/**
 * Saves one change from Slack. A change to done is a claim its reviewers are asked about (README
 * "Review of claimed results"), queued in the same transaction: saved and asked, or neither.
 */
export function applyQueuedChange(deps: Pick<SlackDeps, 'db' | 'config'>, change: QueuedChange): ChangeResult {
  const at = new Date(change.at);
  return writeTransaction(deps.db, () => {
    const result = changeItem(deps.db, {
      itemId: change.itemId,
      status: change.status,
      institutionalOutcome: change.institutionalOutcome,
      note: change.note,
      files: change.files,
      actor: change.actor,
      source: 'slack',
      at,
      requestKey: change.requestKey,
      expectedVersion: change.expectedVersion,
    });
    if (result.kind === 'applied' && result.fromStatus !== 'done' && result.item.status === 'done')
      queueReviewRequests(deps.db, deps.config, result.item, currentClaim(deps.db, result.item.id), at);
    return result;
  });
}

export async function saveItemChange(
  deps: SlackDeps,
  change: QueuedChange,
  budgetMs = SAVE_BEFORE_ACK_MS,
): Promise<SaveOutcome> {
  try {
    return { kind: 'saved', result: await retryWhileBusy(() => applyQueuedChange(deps, change), { budgetMs }) };
  } catch (error) {
    const folder = spoolFolderOf(deps.config.DATABASE_PATH);
    if (!(error instanceof DatabaseBusyError) || !folder) throw error;
    queueChange(folder, change);
    deps.log.warn(
      { requestKey: change.requestKey, itemId: change.itemId, waitedMs: error.waitedMs },
      'database busy: change queued',
    );
    return { kind: 'queued' };
  }
}
