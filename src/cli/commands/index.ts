// Every admin CLI command, in the order `reform-bot --help` lists them.
import type { CliCommand } from '../command.ts';
import { backupCommand } from './backup.ts';
import { importOrgCommand } from './importOrg.ts';
import { restoreCommand } from './restore.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';

export const commands: readonly CliCommand[] = [startCommand, importOrgCommand, statsCommand, backupCommand, restoreCommand];
