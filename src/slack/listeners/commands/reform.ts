// `/reform`: acknowledged at once (Slack waits 3 seconds), then the subcommand runs and the answer
// goes back through response_url, ephemeral: only the asker needs it. Read-only subcommands are
// answered by a read worker when the bot has them (src/slack/readWorkers/), so the main thread
// is free for the next ack.
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { unescapeSlackText } from '../../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { translator } from '../../../i18n/index.ts';
import { currentLogFields } from '../../../logContext.ts';
import { afterAck } from '../../afterAck.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { handToReadWorker, type ReadWorkerOutcome } from '../../readWorkers/handToReadWorker.ts';
import { type AnswerTarget, answer, answerTargetOf } from '../../respond.ts';
import { failureText } from '../failureText.ts';
import { centralSubcommand } from './central.ts';
import { answerExtendCommand, type ExtendSaved, saveExtendCommand } from './extend.ts';
import { extendModalSubcommand } from './extendModal.ts';
import { parseReformCommand, type ReformCommand } from './parse.ts';
import { isReadOnly, readOnlyAnswer } from './readOnly.ts';
import type { CommandRequest } from './request.ts';
import { roundSubcommand } from './round.ts';
import { answerOneLineUpdate, type OneLineSaved, saveOneLineUpdate } from './update.ts';
import { updateModalSubcommand } from './updateModal.ts';

async function run(
  req: CommandRequest,
  command: ReformCommand,
  savedUpdate?: OneLineSaved,
  savedExtend?: ExtendSaved,
): Promise<SlackMessage | undefined> {
  if (isReadOnly(command)) return readOnlyAnswer(req, command);
  switch (command.kind) {
    case 'update':
      // Saved before the ack (see reformCommand); here only the answer.
      return savedUpdate ? answerOneLineUpdate(req, savedUpdate) : undefined;
    case 'updateModal':
      return updateModalSubcommand(req, command.ref);
    case 'central':
      return centralSubcommand(req);
    case 'round':
      return roundSubcommand(req, command.roundId, command.planCode);
    case 'extend':
      // Saved before the ack too (README "Extension requests").
      return savedExtend ? answerExtendCommand(req, savedExtend) : undefined;
    case 'extendModal':
      return extendModalSubcommand(req, command.ref);
  }
}

function logFailure(deps: SlackDeps, userId: string, error: Error): void {
  deps.log.error({ userId, err: error.message, stack: error.stack }, '/reform failed');
}

interface AfterWorker {
  /** Builds the answer on this thread, when no worker took it. */
  answerHere: () => Promise<SlackMessage | undefined>;
  target: AnswerTarget;
  /** Logs the failure and tells the person. */
  failed: (error: Error) => Promise<void>;
}

/** What is left after the worker: nothing, the answer itself (given back), or the failure. */
async function settleWorkerAnswer(
  deps: SlackDeps,
  userId: string,
  outcome: Promise<ReadWorkerOutcome>,
  after: AfterWorker,
): Promise<void> {
  try {
    const result = await outcome;
    if (result.kind === 'answered') return;
    if (result.kind === 'failed') {
      // A post that was tried went to the same response_url: a notice there would fail too, or come after the answer.
      if (result.posted) logFailure(deps, userId, result.error);
      else await after.failed(result.error);
      return;
    }
    const message = await after.answerHere();
    if (message) await answer(after.target, message);
  } catch (error) {
    await after.failed(error as Error);
  }
}

export function reformCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ ack, command, respond, client }) => {
    const userId = command.user_id;
    // Unescaped once here, on the way in; every builder escapes once on the way out.
    const parsed = parseReformCommand(unescapeSlackText(command.text));
    // A status update is saved (or durably queued) before Slack hears "ok": an acknowledged
    // update is never lost, even if the process dies right after.
    let savedUpdate: OneLineSaved | undefined;
    let savedExtend: ExtendSaved | undefined;
    let saveFailure: unknown;
    if (parsed.kind === 'extend') {
      try {
        savedExtend = await saveExtendCommand(deps, { userId, triggerId: command.trigger_id }, parsed);
      } catch (error) {
        saveFailure = error;
      }
    }
    if (parsed.kind === 'update') {
      try {
        savedUpdate = await saveOneLineUpdate(
          deps,
          { userId, triggerId: command.trigger_id, responseUrl: command.response_url },
          parsed,
        );
      } catch (error) {
        saveFailure = error;
      }
    }
    await ack();
    // Requests already waiting are acknowledged before this one's work (see afterAck.ts).
    await afterAck();
    // Opening the modal must beat the trigger_id's 3 seconds: never wait long for users.info there.
    const opensModal =
      parsed.kind === 'updateModal' ||
      parsed.kind === 'extendModal' ||
      parsed.kind === 'central' ||
      parsed.kind === 'round';
    const locale = await localeFor(client, deps, userId, { quick: opensModal });
    const t = translator(locale);
    const req: CommandRequest = { deps, client, userId, locale, t, triggerId: command.trigger_id };
    const target = answerTargetOf({ respond, client, userId, responseUrl: command.response_url });
    const failed = async (error: Error) => {
      logFailure(deps, userId, error);
      await answer(target, buildNotice(failureText(t, error))).catch(() => {});
    };
    if (saveFailure) {
      await failed(saveFailure as Error);
      return;
    }
    try {
      if (deps.readWorkers && isReadOnly(parsed) && command.response_url) {
        const task = {
          command: parsed,
          userId,
          locale,
          nowMs: deps.now().getTime(),
          responseUrl: command.response_url,
          logFields: { ...currentLogFields() },
        };
        // Not awaited: Bolt keeps the whole request (body, context, every helper) alive until the
        // listener returns, and answers can queue in the worker for a while under load; kept that
        // long, those objects outlived young-generation collections and were copied and promoted
        // in bulk (pauses on this thread). The follow-up below holds only what it needs.
        void settleWorkerAnswer(deps, userId, handToReadWorker(deps.readWorkers, task, deps.log), {
          answerHere: () => run(req, parsed),
          target,
          failed,
        });
        return;
      }
      const message = await run(req, parsed, savedUpdate, savedExtend);
      if (message) await answer(target, message);
    } catch (error) {
      await failed(error as Error);
    }
  };
}
