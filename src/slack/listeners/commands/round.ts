// `/reform round 3 P12` (督察): opens the self-check modal of plan P12 in supervision round 3.
// Year-end rounds reach liaisons by a button in a direct message; this is how the office fills a
// mid-year round (and anyone permitted reopens a form). Who may fill is checked by the opener.

import { buildNotice } from '../../../blocks/commands/notice.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { escapeClip } from '../../../blocks/parts/index.ts';
import { findPlan } from '../../../store/plans.ts';
import { openRoundSelfCheck } from '../actions/roundSelfCheckOpen.ts';
import type { CommandRequest } from './request.ts';

export async function roundSubcommand(
  req: CommandRequest,
  roundId: number,
  planCode: string,
): Promise<SlackMessage | undefined> {
  const plan = findPlan(req.deps.db, planCode);
  if (!plan) return buildNotice(req.t('cmd.error.unknownPlan', { plan: escapeClip(planCode, 60) }));
  // The command's own answer says when the modal did not open (no separate notice).
  const outcome = await openRoundSelfCheck(req.client, req.triggerId, req.deps, {
    roundId,
    planId: plan.id,
    userId: req.userId,
    locale: req.locale,
  });
  return outcome === 'notOpened' ? buildNotice(req.t('cmd.error.roundModal')) : undefined;
}
