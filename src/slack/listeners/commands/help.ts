// `/reform help` (帮助), and an unknown subcommand answered with the list and a note.
import { buildHelp } from '../../../blocks/commands/help.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import type { CommandRequest } from './request.ts';

export function helpSubcommand(req: Pick<CommandRequest, 't'>, unknownWord?: string): SlackMessage {
  return buildHelp(req.t, unknownWord);
}
