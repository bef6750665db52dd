// Every admin CLI command, in the order `reform-bot --help` lists them. Each is loaded only when
// it runs: a command's module pulls in the stores, jobs and builders it needs, and loading all
// of them cost every command about half a second at start (the overview and group help load
// them all, once).
import type { CliCommand } from '../command.ts';

export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

const COMMAND_ENTRIES: readonly CommandEntry[] = [
  { name: 'start', load: async () => (await import('./start.ts')).startCommand },
  { name: 'import-org', load: async () => (await import('./importOrg.ts')).importOrgCommand },
  { name: 'import', load: async () => (await import('./import.ts')).importCommand },
  { name: 'export', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'template', load: async () => (await import('./template.ts')).templateCommand },
  { name: 'stats', load: async () => (await import('./stats.ts')).statsCommand },
  { name: 'run', load: async () => (await import('./run.ts')).runCommand },
  { name: 'outbox', load: async () => (await import('./outbox.ts')).outboxCommand },
  { name: 'round create', load: async () => (await import('./roundCreate.ts')).roundCreateCommand },
  { name: 'round list', load: async () => (await import('./roundList.ts')).roundListCommand },
  { name: 'round show', load: async () => (await import('./roundShow.ts')).roundShowCommand },
  { name: 'round notify', load: async () => (await import('./roundNotify.ts')).roundNotifyCommand },
  { name: 'central add', load: async () => (await import('./central.ts')).centralAddCommand },
  { name: 'central list', load: async () => (await import('./central.ts')).centralListCommand },
  { name: 'plan close', load: async () => (await import('./planClose.ts')).planCloseCommand },
  { name: 'backup', load: async () => (await import('./backup.ts')).backupCommand },
  { name: 'restore', load: async () => (await import('./restore.ts')).restoreCommand },
];

/** All commands, in listing order: for the overview and the help of a group of commands. */
export function loadCommands(): Promise<CliCommand[]> {
  return Promise.all(COMMAND_ENTRIES.map((entry) => entry.load()));
}

/** The entry whose name is the longest prefix of argv (`plan close` before `plan`). */
export function findCommandEntry(argv: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  const byLength = [...COMMAND_ENTRIES].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const entry of byLength) {
    const words = entry.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { entry, rest: argv.slice(words.length) };
  }
  return undefined;
}
