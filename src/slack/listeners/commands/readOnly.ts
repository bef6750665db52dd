// The /reform subcommands that only read the ledger and answer the asker: help, item, plan, mine,
// stats, and the notice for text that does not parse. They need no Slack client and no trigger,
// so they can run on the main thread or in a read worker (src/slack/readWorkers/) alike.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import { escapeClip, type SlackMessage } from '../../../blocks/parts/index.ts';
import type { Translate } from '../../../i18n/index.ts';
import { helpSubcommand } from './help.ts';
import { itemSubcommand } from './item.ts';
import { mineSubcommand } from './mine.ts';
import type { ParseError, ReadOnlyCommand, ReformCommand } from './parse.ts';
import { planSubcommand } from './plan.ts';
import type { CommandRequest } from './request.ts';
import { statsSubcommand } from './stats.ts';

export type { ReadOnlyCommand };

/** What a read-only answer needs: no client, no trigger_id. */
export type ReadRequest = Pick<CommandRequest, 'deps' | 'userId' | 'locale' | 't'>;

const READ_ONLY_KINDS: ReadonlySet<ReformCommand['kind']> = new Set(['help', 'item', 'plan', 'mine', 'stats', 'error']);

export function isReadOnly(command: ReformCommand): command is ReadOnlyCommand {
  return READ_ONLY_KINDS.has(command.kind);
}

function parseErrorText(t: Translate, error: ParseError): string {
  switch (error.key) {
    case 'needRef':
      return t('cmd.error.needRef', { example: t('cmd.usage.item') });
    case 'badRef':
      return t('cmd.error.badRef', { text: escapeClip(error.text, 60), example: 'P1#3' });
    case 'badStatus':
      return t('cmd.error.badStatus', { word: escapeClip(error.word, 60) });
    case 'noteTooLong':
      return t('cmd.error.noteTooLong', { length: error.length, max: error.max });
    case 'needPlan':
      return t('cmd.error.needPlan');
    case 'needRound':
      return t('cmd.error.needRound');
    case 'badCut':
      return t('cmd.error.badCut', { word: escapeClip(error.word, 60) });
    case 'extra':
      return t('cmd.error.extra', { usage: t(`cmd.usage.${error.subcommand}`) });
    case 'extendUsage':
      return t('extension.error.usage', { missing: t(`extension.error.missing.${error.missing}`) });
    case 'badExtendDate':
      return t('extension.problem.badDate', { text: escapeClip(error.text, 60) });
  }
}

export function readOnlyAnswer(req: ReadRequest, command: ReadOnlyCommand): SlackMessage {
  switch (command.kind) {
    case 'help':
      return helpSubcommand(req, command.unknown);
    case 'item':
      return itemSubcommand(req, command.ref);
    case 'plan':
      return planSubcommand(req, { code: command.planCode }, command.page);
    case 'mine':
      return mineSubcommand(req);
    case 'stats':
      return statsSubcommand(req, command.cut);
    case 'error':
      return buildNotice(parseErrorText(req.t, command.error));
  }
}
