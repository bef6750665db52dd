// `/reform mine` (我的): the items the asker answers for, most urgent first.

import { buildMine } from '../../../blocks/commands/mine.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { myItems } from '../../../store/mine.ts';
import { loadPerson } from '../../../store/people.ts';
import { type CommandRequest, lightsToday } from './request.ts';

export function mineSubcommand(req: Pick<CommandRequest, 'deps' | 't' | 'userId'>): SlackMessage {
  const light = lightsToday(req.deps);
  const items = myItems(req.deps.db, loadPerson(req.deps.db, req.userId)).map((item) => ({
    ...item,
    light: light(item),
  }));
  return buildMine(req.t, items);
}
