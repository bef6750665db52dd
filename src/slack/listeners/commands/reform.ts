// `/reform`: acknowledged at once (Slack waits 3 seconds), then the subcommand runs and the answer
// goes back through response_url, ephemeral: only the asker needs it.
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { translator, type Translate } from '../../../i18n/index.ts';
import { afterAck } from '../../afterAck.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { answer } from '../../respond.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { escapeClip, type SlackMessage } from '../../ui/parts/index.ts';
import { localeWithin } from '../views/itemUpdateOpen.ts';
import { centralSubcommand } from './central.ts';
import { helpSubcommand } from './help.ts';
import { itemSubcommand } from './item.ts';
import { mineSubcommand } from './mine.ts';
import { type ParseError, parseReformCommand, type ReformCommand } from './parse.ts';
import { planSubcommand } from './plan.ts';
import { roundSubcommand } from './round.ts';
import type { CommandRequest } from './request.ts';
import { statsSubcommand } from './stats.ts';
import { updateSubcommand } from './update.ts';
import { updateModalSubcommand } from './updateModal.ts';

export function parseErrorText(t: Translate, error: ParseError): string {
  switch (error.key) {
    case 'needRef':
      return t('cmd.error.needRef', { example: t('cmd.usage.item') });
    case 'badRef':
      return t('cmd.error.badRef', { text: escapeClip(error.text, 60), example: 'P1#3' });
    case 'badStatus':
      return t('cmd.error.badStatus', { word: escapeClip(error.word, 60) });
    case 'needPlan':
      return t('cmd.error.needPlan');
    case 'needRound':
      return t('cmd.error.needRound');
    case 'badCut':
      return t('cmd.error.badCut', { word: escapeClip(error.word, 60) });
    case 'extra':
      return t('cmd.error.extra', { usage: t(`cmd.usage.${error.subcommand}`) });
  }
}

async function run(req: CommandRequest, command: ReformCommand): Promise<SlackMessage | undefined> {
  switch (command.kind) {
    case 'help':
      return helpSubcommand(req, command.unknown);
    case 'item':
      return itemSubcommand(req, command.ref);
    case 'update':
      return updateSubcommand(req, command);
    case 'updateModal':
      return updateModalSubcommand(req, command.ref);
    case 'plan':
      return planSubcommand(req, command.planCode, command.page);
    case 'mine':
      return mineSubcommand(req);
    case 'stats':
      return statsSubcommand(req, command.cut);
    case 'central':
      return centralSubcommand(req);
    case 'round':
      return roundSubcommand(req, command.roundId, command.planCode);
    case 'error':
      return buildNotice(parseErrorText(req.t, command.error));
  }
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
    const target = { respond, hasResponseUrl: Boolean(command.response_url), client, userId };
    try {
      const message = await run({ deps, client, userId, locale, t, triggerId: command.trigger_id }, parsed);
      if (message) await answer(target, message);
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message, stack: (error as Error).stack }, '/reform failed');
      await answer(target, buildNotice(t('cmd.error.failed'))).catch(() => {});
    }
  };
}
