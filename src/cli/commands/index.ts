// Every admin CLI command, in the order `reform-bot --help` lists them.
import type { CliCommand } from '../command.ts';
import { backupCommand } from './backup.ts';
import { centralAddCommand, centralListCommand } from './central.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { importOrgCommand } from './importOrg.ts';
import { outboxCommand } from './outbox.ts';
import { planCloseCommand } from './planClose.ts';
import { restoreCommand } from './restore.ts';
import { roundCreateCommand } from './roundCreate.ts';
import { roundListCommand } from './roundList.ts';
import { roundNotifyCommand } from './roundNotify.ts';
import { roundShowCommand } from './roundShow.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';
import { templateCommand } from './template.ts';

export const commands: readonly CliCommand[] = [
  startCommand,
  importOrgCommand,
  importCommand,
  exportCommand,
  templateCommand,
  statsCommand,
  runCommand,
  outboxCommand,
  roundCreateCommand,
  roundListCommand,
  roundShowCommand,
  roundNotifyCommand,
  centralAddCommand,
  centralListCommand,
  planCloseCommand,
  backupCommand,
  restoreCommand,
];
