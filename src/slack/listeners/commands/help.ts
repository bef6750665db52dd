// `/reform help` (帮助), and an unknown subcommand answered with the list and a note.
import type { SlackMessage } from '../../ui/parts/index.ts';
import { buildHelp } from '../../ui/commands/help.ts';
import type { CommandRequest } from './request.ts';

export function helpSubcommand(req: CommandRequest, unknownWord?: string): SlackMessage {
  return buildHelp(req.t, unknownWord);
}
