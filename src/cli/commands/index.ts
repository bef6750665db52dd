// Every admin CLI command, in the order `reform-bot --help` lists them.
import type { CliCommand } from '../command.ts';
import { importCommand } from './import.ts';
import { importOrgCommand } from './importOrg.ts';

export const commands: readonly CliCommand[] = [importOrgCommand, importCommand];
