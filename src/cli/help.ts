import type { Translate } from '../i18n/index.ts';
import type { CliCommand } from './command.ts';

export function renderOverview(commands: readonly CliCommand[], t: Translate): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(t)}`);
  return [t('cli.overviewTitle'), '', t('cli.usageLine', { usage: 'reform-bot <command> [options]' }), '', ...lines, '', t('cli.overviewFooter')].join('\n');
}

export function renderCommandHelp(command: CliCommand, t: Translate): string {
  return [t('cli.usageLine', { usage: command.usage }), '', command.summary(t), '', command.help(t)].join('\n');
}
