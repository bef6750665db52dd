// Saves an item change from Slack within the time Slack gives an acknowledgement, without
// blocking the event loop: the bot's connection waits only BOT_BUSY_TIMEOUT_MS inside SQLite, and
// `retryWhileBusy` retries on timers. When another process holds the write lock past
// SAVE_BEFORE_ACK_MS, the change is queued durably instead (src/spool/changeSpool.ts) and the
// drainer applies it later; either way it is on disk before Slack hears "ok".
import { DatabaseBusyError, retryWhileBusy } from '../db/busy.ts';
import { type QueuedChange, queueChange, spoolFolderOf } from '../spool/changeSpool.ts';
import { type ChangeResult, changeItem } from '../store/items.ts';
import type { SlackDeps } from './deps.ts';

/** Slack waits 3 s for an acknowledgement; saving may use half, queuing and acking the rest. */
export const SAVE_BEFORE_ACK_MS = 1_500;

export type SaveOutcome = { kind: 'saved'; result: ChangeResult } | { kind: 'queued' };

export function applyQueuedChange(deps: Pick<SlackDeps, 'db'>, change: QueuedChange): ChangeResult {
  return changeItem(deps.db, {
    itemId: change.itemId,
    status: change.status,
    institutionalOutcome: change.institutionalOutcome,
    note: change.note,
    files: change.files,
    actor: change.actor,
    source: 'slack',
    at: new Date(change.at),
    requestKey: change.requestKey,
    expectedVersion: change.expectedVersion,
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
