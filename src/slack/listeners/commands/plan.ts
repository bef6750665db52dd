// `/reform plan P1 [page]` (方案): the plan's implementation file, a page at a time. Also used by
// the Previous/Next buttons (actions/planPage.ts).

import { buildNotice } from '../../../blocks/commands/notice.ts';
import { buildPlanFile } from '../../../blocks/commands/planFile.ts';
import { escapeClip, type SlackMessage } from '../../../blocks/parts/index.ts';
import { lightsAsOf } from '../../../domain/asOfToday.ts';
import { findPlanBy, type PlanHeader, type PlanRef, planItems } from '../../../store/plans.ts';
import type { CommandRequest } from './request.ts';
import { officeAsOf } from './request.ts';

/** `plan`: a code someone typed, or a paging button's plan id. */
export function planSubcommand(req: Pick<CommandRequest, 'deps' | 't'>, plan: PlanRef, page: number): SlackMessage {
  const { deps, t } = req;
  const found = findPlanBy(deps.db, plan);
  if (!found) {
    // A plan gone since its button was posted (a re-import dropped it): the button is out of date.
    if ('id' in plan) return buildNotice(t('cmd.error.badButton'));
    return buildNotice(t('cmd.error.unknownPlan', { plan: escapeClip(plan.code, 40) }));
  }
  return planFile(req, found, page);
}

function planFile({ deps, t }: Pick<CommandRequest, 'deps' | 't'>, plan: PlanHeader, page: number): SlackMessage {
  const today = officeAsOf(deps);
  const light = lightsAsOf(today);
  const items = planItems(deps.db, plan.id).map((item) => ({ ...item, light: light(item) }));
  return buildPlanFile(t, { plan, items, page, yellowWorkdays: today.yellowWorkdays });
}
