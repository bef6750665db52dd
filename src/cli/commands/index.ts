// Every admin CLI command, in the order `reform-bot --help` lists them. Each is loaded only when
// it runs: a command's module pulls in the stores, jobs and builders it needs, and loading all
// of them cost every command about half a second at start. The name and summary are here, so
// the overview and a group's help load no command at all (`--help` is the first thing a person
// runs; README "Benchmarks").
import type { Translate } from '../../i18n/index.ts';
import type { CliCommand } from '../command.ts';

export interface CommandEntry {
  /** One or two words: `import`, `plan close`. */
  name: string;
  /** i18n text: the one-line summary of listings and of the command's own help. */
  summary: (t: Translate) => string;
  load(): Promise<CliCommand>;
}

export const COMMAND_ENTRIES: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: (t) => t('cli.start.summary'),
    load: async () => (await import('./start.ts')).startCommand,
  },
  {
    name: 'import-org',
    summary: (t) => t('cli.importOrg.summary'),
    load: async () => (await import('./importOrg.ts')).importOrgCommand,
  },
  {
    name: 'import',
    summary: (t) => t('cli.import.summary'),
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'export',
    summary: (t) => t('cli.export.summary'),
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'template',
    summary: (t) => t('cli.template.summary'),
    load: async () => (await import('./template.ts')).templateCommand,
  },
  {
    name: 'stats',
    summary: (t) => t('cli.stats.summary'),
    load: async () => (await import('./stats.ts')).statsCommand,
  },
  { name: 'run', summary: (t) => t('cli.run.summary'), load: async () => (await import('./run.ts')).runCommand },
  {
    name: 'outbox',
    summary: (t) => t('cli.outbox.summary'),
    load: async () => (await import('./outbox.ts')).outboxCommand,
  },
  {
    name: 'round create',
    summary: (t) => t('round.cli.create.summary'),
    load: async () => (await import('./roundCreate.ts')).roundCreateCommand,
  },
  {
    name: 'round list',
    summary: (t) => t('round.cli.list.summary'),
    load: async () => (await import('./roundList.ts')).roundListCommand,
  },
  {
    name: 'round show',
    summary: (t) => t('round.cli.show.summary'),
    load: async () => (await import('./roundShow.ts')).roundShowCommand,
  },
  {
    name: 'round notify',
    summary: (t) => t('round.cli.notify.summary'),
    load: async () => (await import('./roundNotify.ts')).roundNotifyCommand,
  },
  {
    name: 'central add',
    summary: (t) => t('cli.central.add.summary'),
    load: async () => (await import('./central.ts')).centralAddCommand,
  },
  {
    name: 'central list',
    summary: (t) => t('cli.central.list.summary'),
    load: async () => (await import('./central.ts')).centralListCommand,
  },
  {
    name: 'plan close',
    summary: (t) => t('cli.planClose.summary'),
    load: async () => (await import('./planClose.ts')).planCloseCommand,
  },
  {
    name: 'backup',
    summary: (t) => t('cli.backup.summary'),
    load: async () => (await import('./backup.ts')).backupCommand,
  },
  {
    name: 'restore',
    summary: (t) => t('cli.restore.summary'),
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
];

/** The entry whose name is the longest prefix of argv (`plan close` before `plan`). */
export function findCommandEntry(argv: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  const byLength = [...COMMAND_ENTRIES].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const entry of byLength) {
    const words = entry.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { entry, rest: argv.slice(words.length) };
  }
  return undefined;
}
