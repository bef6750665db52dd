// Hands a read-only command to the read workers, and says what is left for the caller: a task
// given back before any post was tried is answered on the main thread instead (never lost); one
// that may have been posted is not sent again (never twice).
import type { Logger } from '../../log.ts';
import { type ReadPool, ReadWorkerError } from './readPool.ts';
import type { CommandTask } from './readWorkerMessages.ts';

export type ReadWorkerOutcome =
  /** Posted, or may have been: nothing left to do. */
  | { kind: 'answered' }
  /** No worker took it: the caller answers. */
  | { kind: 'answerHere' }
  /** Building or posting failed in the worker (`posted`: the post was tried). */
  | { kind: 'failed'; error: Error; posted: boolean };

export async function handToReadWorker(pool: ReadPool, task: CommandTask, log: Logger): Promise<ReadWorkerOutcome> {
  try {
    await pool.answerCommand(task);
    return { kind: 'answered' };
  } catch (error) {
    if (!(error instanceof ReadWorkerError)) throw error;
    if (error.workerGone && !error.mayHavePosted) {
      log.warn({ reason: error.message }, 'read worker unavailable: answering on the main thread');
      return { kind: 'answerHere' };
    }
    if (error.workerGone) {
      log.error(
        { reason: error.message },
        'read worker died while posting: the answer may not have arrived, and is not sent twice',
      );
      return { kind: 'answered' };
    }
    const failed = new Error(error.message);
    failed.stack = error.workerStack ?? failed.stack;
    return { kind: 'failed', error: failed, posted: error.mayHavePosted };
  }
}
