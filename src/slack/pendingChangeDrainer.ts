// Applies the item changes queued while the database was busy (src/spool/changeSpool.ts) once
// the write lock is free, then tells each person the result where they asked: through the
// request's response_url (valid for 30 minutes), else by DM. A file is removed only after its
// change is in the database; a crash in between re-applies it, which changeItem's request key
// turns into "already applied".
import type { webApi } from '@slack/bolt';
import { buildNotice } from '../blocks/commands/notice.ts';
import type { SlackMessage } from '../blocks/parts/index.ts';
import { DatabaseBusyError, isDatabaseBusy, retryWhileBusy } from '../db/busy.ts';
import { translator } from '../i18n/index.ts';
import { listQueued, removeQueued, type SpooledChange, spoolFolderOf } from '../spool/changeSpool.ts';
import { peopleConcernedBy } from '../store/home.ts';
import type { ChangeResult } from '../store/items.ts';
import { loadPerson } from '../store/people.ts';
import type { SlackDeps } from './deps.ts';
import { refreshHomesLater } from './homeRefresh.ts';
import { itemCardFor } from './listeners/commands/itemCardFor.ts';
import { describeChange } from './listeners/commands/saveItemUpdate.ts';
import { localeFor } from './locale.ts';
import { postResponseBody } from './postResponse.ts';
import { answer, answerTargetOf, type ResponseBody } from './respond.ts';
import { applyQueuedChange } from './saveItemChange.ts';

/** How often the folder is looked at; queued changes wait for a CLI command of a few seconds. */
const DRAIN_INTERVAL_MS = 1_000;
/** One attempt's wait for the lock: short, the next pass comes soon. */
const ATTEMPT_BUDGET_MS = 200;

export interface PendingChangeDrainer {
  /** One pass now (tests; also run on every tick). Resolves to the number of changes saved. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function startPendingChangeDrainer(
  deps: SlackDeps,
  client: webApi.WebClient,
  intervalMs = DRAIN_INTERVAL_MS,
): PendingChangeDrainer {
  const folder = spoolFolderOf(deps.config.DATABASE_PATH);
  let running: Promise<number> | undefined;
  let stopped = false;

  async function tell(queued: SpooledChange, result: ChangeResult): Promise<void> {
    const { change } = queued;
    const t = translator(change.locale ?? (await localeFor(client, deps, change.actor)));
    const message: SlackMessage =
      result.kind === 'notFound'
        ? buildNotice(t('cmd.error.badButton'))
        : buildNotice(describeChange(t, result), itemCardFor(deps, t, result.item, loadPerson(deps.db, change.actor)));
    const { responseUrl } = change;
    const respond = responseUrl ? (body: ResponseBody) => postResponseBody(responseUrl, body) : undefined;
    await answer(answerTargetOf({ respond, client, userId: change.actor, responseUrl }), message);
  }

  async function pass(): Promise<number> {
    if (!folder) return 0;
    let saved = 0;
    const queued = listQueued(folder, (file, reason) =>
      deps.log.error({ file, reason }, 'queued change unreadable: moved aside'),
    );
    for (const entry of queued) {
      if (stopped) break;
      let result: ChangeResult;
      try {
        result = await retryWhileBusy(() => applyQueuedChange(deps, entry.change), { budgetMs: ATTEMPT_BUDGET_MS });
      } catch (error) {
        // Still busy: the rest wait for the next pass, in order.
        if (error instanceof DatabaseBusyError || isDatabaseBusy(error)) break;
        deps.log.error(
          { requestKey: entry.change.requestKey, err: (error as Error).message },
          'queued change failed; kept for the next pass',
        );
        continue;
      }
      removeQueued(entry.file);
      saved += 1;
      deps.log.info({ requestKey: entry.change.requestKey, outcome: result.kind }, 'queued change saved');
      try {
        await tell(entry, result);
        if (result.kind === 'applied')
          refreshHomesLater(deps, [entry.change.actor, ...peopleConcernedBy(deps.db, result.item.id)]);
      } catch (error) {
        deps.log.warn(
          { requestKey: entry.change.requestKey, err: (error as Error).message },
          'queued change saved; telling the person failed',
        );
      }
    }
    return saved;
  }

  function drain(): Promise<number> {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer = setInterval(() => {
    drain().catch((error: unknown) =>
      deps.log.error({ err: (error as Error).message }, 'draining queued changes failed'),
    );
  }, intervalMs);
  timer.unref();
  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
