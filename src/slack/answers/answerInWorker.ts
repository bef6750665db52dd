// Hands a read-only answer to the answer workers, and says what is left for the caller: a task
// given back before any post was tried is answered on the main thread instead (never lost); one
// that may have been posted is not sent again (never twice).
import type { Logger } from '../../log.ts';
import { type AnswerPool, AnswerWorkerError } from './answerPool.ts';
import type { AnswerTask } from './task.ts';

export type WorkerOutcome =
  /** Posted, or may have been: nothing left to do. */
  | { kind: 'answered' }
  /** No worker took it: the caller answers. */
  | { kind: 'answerHere' }
  /** Building or posting failed in the worker (`posted`: the post was tried). */
  | { kind: 'failed'; error: Error; posted: boolean };

export async function answerInWorker(pool: AnswerPool, task: AnswerTask, log: Logger): Promise<WorkerOutcome> {
  try {
    await pool.answer(task);
    return { kind: 'answered' };
  } catch (error) {
    if (!(error instanceof AnswerWorkerError)) throw error;
    if (error.workerGone && !error.mayHavePosted) {
      log.warn({ reason: error.message }, 'answer worker unavailable: answering on the main thread');
      return { kind: 'answerHere' };
    }
    if (error.workerGone) {
      log.error(
        { reason: error.message },
        'answer worker died while posting: the answer may not have arrived, and is not sent twice',
      );
      return { kind: 'answered' };
    }
    const failed = new Error(error.message);
    failed.stack = error.workerStack ?? failed.stack;
    return { kind: 'failed', error: failed, posted: error.mayHavePosted };
  }
}
