// `/reform plan P1 [page]` (方案): the plan's implementation file, a page at a time. Also used by
// the Previous/Next buttons (actions/planPage.ts).
import { findPlan, planItems } from '../../../store/plans.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { buildPlanFile } from '../../ui/commands/planFile.ts';
import { escapeClip, type SlackMessage } from '../../ui/parts/index.ts';
import type { CommandRequest } from './request.ts';
import { lightsToday } from './request.ts';

export function planSubcommand(req: Pick<CommandRequest, 'deps' | 't'>, planCode: string, page: number): SlackMessage {
  const { deps, t } = req;
  const plan = findPlan(deps.db, planCode);
  if (!plan) return buildNotice(t('cmd.error.unknownPlan', { plan: escapeClip(planCode, 40) }));
  const light = lightsToday(deps);
  const items = planItems(deps.db, plan.id).map((item) => ({ ...item, light: light(item) }));
  return buildPlanFile(t, { plan, items, page, yellowWorkdays: deps.config.REFORM_YELLOW_WORKDAYS });
}
