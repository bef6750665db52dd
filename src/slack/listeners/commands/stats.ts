// `/reform stats [domain|group]` (统计 [领域|小组]): the current statistics, streamed from the ledger
// and reused until it changes (many people asking at once must not each read every item).

import { buildStats, type StatsCut } from '../../../blocks/commands/stats.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { extensionFigures } from '../../../store/extensionFigures.ts';
import { groupNames } from '../../../store/plans.ts';
import { cachedStats } from '../../../store/statsCache.ts';
import { type CommandRequest, officeAsOf } from './request.ts';

export function statsSubcommand(req: Pick<CommandRequest, 'deps' | 't'>, cut: StatsCut): SlackMessage {
  const { deps } = req;
  const today = officeAsOf(deps);
  const stats = cachedStats(deps.db, today, deps.config.STATS_REUSE_MS);
  return buildStats(req.t, stats, cut, groupNames(deps.db), extensionFigures(deps.db, today.asOf));
}
