import type { Translate } from '../i18n/index.ts';
import type { CliCommand } from './command.ts';
import type { CommandEntry } from './commands/index.ts';

/** `  name  summary` lines, the names padded to one column. */
function commandLines(commands: readonly CommandEntry[], t: Translate): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(t)}`);
}

export function renderOverview(commands: readonly CommandEntry[], t: Translate): string {
  return [
    t('cli.overviewTitle'),
    '',
    t('cli.usageLine', { usage: t('cli.overviewUsage') }),
    '',
    ...commandLines(commands, t),
    '',
    t('cli.overviewFooter'),
  ].join('\n');
}

export function renderCommandHelp(entry: CommandEntry, command: CliCommand, t: Translate): string {
  return [t('cli.usageLine', { usage: command.usage }), '', entry.summary(t), '', command.help(t)].join('\n');
}

/**
 * The commands under a group word (`round` → round create, round list …). A group is only the
 * first word of two-word commands; people type it alone to find out what it offers.
 */
export function groupMembers(commands: readonly CommandEntry[], word: string | undefined): CommandEntry[] {
  return word ? commands.filter((c) => c.name.startsWith(`${word} `)) : [];
}

export function renderGroupHelp(group: string, members: readonly CommandEntry[], t: Translate): string {
  return [
    t('cli.usageLine', { usage: t('cli.group.usage', { group }) }),
    '',
    ...commandLines(members, t),
    '',
    t('cli.group.footer', { group }),
  ].join('\n');
}
