// `/reform`: acknowledged at once (Slack waits 3 seconds), then the subcommand runs and the answer
// goes back through response_url, ephemeral: only the asker needs it. Read-only subcommands are
// answered by an answer worker when the bot has them (src/slack/answers/), so the main thread
// is free for the next ack.
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { translator } from '../../../i18n/index.ts';
import { currentLogFields } from '../../../logContext.ts';
import { afterAck } from '../../afterAck.ts';
import { answerInWorker } from '../../answers/answerInWorker.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { type AnswerTarget, answer } from '../../respond.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import type { SlackMessage } from '../../ui/parts/index.ts';
import { localeWithin } from '../views/itemUpdateOpen.ts';
import { centralSubcommand } from './central.ts';
import { parseReformCommand, type ReformCommand } from './parse.ts';
import { isReadOnly, readOnlyAnswer } from './readOnly.ts';
import type { CommandRequest } from './request.ts';
import { roundSubcommand } from './round.ts';
import { updateSubcommand } from './update.ts';
import { updateModalSubcommand } from './updateModal.ts';

async function run(req: CommandRequest, command: ReformCommand): Promise<SlackMessage | undefined> {
  if (isReadOnly(command)) return readOnlyAnswer(req, command);
  switch (command.kind) {
    case 'update':
      return updateSubcommand(req, command);
    case 'updateModal':
      return updateModalSubcommand(req, command.ref);
    case 'central':
      return centralSubcommand(req);
    case 'round':
      return roundSubcommand(req, command.roundId, command.planCode);
  }
}

function logFailure(deps: SlackDeps, userId: string, error: Error): void {
  deps.log.error({ userId, err: error.message, stack: error.stack }, '/reform failed');
}

export function reformCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ ack, command, respond, client }) => {
    await ack();
    // Requests already waiting are acknowledged before this one's work (see afterAck.ts).
    await afterAck();
    const userId = command.user_id;
    // Opening the modal must beat the trigger_id's 3 seconds: never wait long for users.info there.
    const parsed = parseReformCommand(command.text);
    const opensModal = parsed.kind === 'updateModal' || parsed.kind === 'central' || parsed.kind === 'round';
    const locale = opensModal ? await localeWithin(client, deps, userId) : await localeFor(client, deps, userId);
    const t = translator(locale);
    const target: AnswerTarget = { respond, hasResponseUrl: Boolean(command.response_url), client, userId };
    const failed = async (error: Error) => {
      logFailure(deps, userId, error);
      await answer(target, buildNotice(t('cmd.error.failed'))).catch(() => {});
    };
    try {
      if (deps.answers && isReadOnly(parsed) && command.response_url) {
        const task = { command: parsed, userId, locale, nowMs: deps.now().getTime(), responseUrl: command.response_url, logFields: { ...currentLogFields() } };
        const outcome = await answerInWorker(deps.answers, task, deps.log);
        if (outcome.kind === 'answered') return;
        if (outcome.kind === 'failed') {
          // A post that was tried went to the same response_url: a notice there would fail too, or come after the answer.
          if (outcome.posted) logFailure(deps, userId, outcome.error);
          else await failed(outcome.error);
          return;
        }
      }
      const message = await run({ deps, client, userId, locale, t, triggerId: command.trigger_id }, parsed);
      if (message) await answer(target, message);
    } catch (error) {
      await failed(error as Error);
    }
  };
}
