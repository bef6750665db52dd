// `/reform help`, and the answer to a subcommand the bot does not know.
import type { Translate } from '../../i18n/index.ts';
import { context, escapeClip, header, type SlackMessage, section } from '../parts/index.ts';

export function buildHelp(t: Translate, unknownWord?: string): SlackMessage {
  const blocks = [
    ...(unknownWord === undefined ? [] : [section(t('cmd.help.unknown', { word: escapeClip(unknownWord, 60) }))]),
    header(t('cmd.help.title')),
    section(`${t('cmd.help.lines')}\n${t('extension.help')}`),
    context(t('cmd.help.intro')),
  ];
  return { text: t('cmd.help.fallback'), blocks };
}
