// `/reform extend P1#3 2017-03-31 reason…` (延期): an extension request in one line, in two steps
// around the ack like `/reform update`: `saveExtendCommand` saves it (and queues the approvers'
// DMs) before Slack hears "ok"; `answerExtendCommand` says what happened. The request key is the
// command's trigger_id, so a redelivered command saves once and is answered once.
import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { findItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { askExtension, type ExtensionAskOutcome, extensionAskText } from '../../extensionAsk.ts';
import { unknownItemText } from './itemErrors.ts';
import type { ReformCommand } from './parse.ts';
import type { CommandRequest } from './request.ts';

type ExtendCommand = Extract<ReformCommand, { kind: 'extend' }>;

export interface ExtendSaved {
  command: ExtendCommand;
  /** Absent when the item does not exist. */
  outcome?: ExtensionAskOutcome;
}

export async function saveExtendCommand(
  deps: SlackDeps,
  request: { userId: string; triggerId: string },
  command: ExtendCommand,
): Promise<ExtendSaved> {
  const item = findItem(deps.db, command.ref.planCode, command.ref.itemCode);
  if (!item) return { command };
  const outcome = await askExtension(deps, {
    person: loadPerson(deps.db, request.userId),
    item,
    toDueOn: command.toDueOn,
    reason: command.reason,
    requestKey: `cmd:${request.triggerId}`,
  });
  return { command, outcome };
}

export function answerExtendCommand(req: CommandRequest, saved: ExtendSaved): SlackMessage | undefined {
  if (!saved.outcome) return buildNotice(unknownItemText(req.deps, req.t, saved.command.ref));
  const text = extensionAskText(req.t, saved.outcome);
  return text === undefined ? undefined : buildNotice(text);
}
