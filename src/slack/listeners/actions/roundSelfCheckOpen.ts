// Opens the self-check modal for one plan of a round, or a notice saying why not. Used by the
// button in the year-end message and, for mid-year rounds, by the /reform command (the office).
import type { types } from '@slack/bolt';
import { mayFillRound } from '../../../domain/permissions.ts';
import type { Locale } from '../../../domain/types.ts';
import { loadPerson } from '../../../store/people.ts';
import { loadSelfCheck } from '../../../store/roundSelfCheck.ts';
import type { SlackDeps } from '../../deps.ts';
import { roundSelfCheckModal } from '../../ui/modals/roundSelfCheck.ts';
import { roundSelfCheckNotFoundView, roundSelfCheckRefusedView } from '../../ui/modals/roundSelfCheckResult.ts';

/** The one Web API call this needs; a Bolt WebClient fits. */
export interface ViewsOpenClient {
  views: { open(args: { trigger_id: string; view: types.ModalView }): Promise<unknown> };
}

export interface OpenRoundSelfCheck {
  roundId: number;
  planId: number;
  userId: string;
  locale: Locale;
}

export type OpenOutcome = 'opened' | 'refused' | 'notFound';

/**
 * Who may fill: year-end → the plan's lead group (leader, deputy, liaison) or admins;
 * mid-year and special → admins only. The trigger expires 3 s after the click, so the view is
 * built from one quick read and opened at once.
 */
export async function openRoundSelfCheck(
  client: ViewsOpenClient,
  triggerId: string,
  deps: Pick<SlackDeps, 'db' | 'log'>,
  request: OpenRoundSelfCheck,
): Promise<OpenOutcome> {
  const data = loadSelfCheck(deps.db, request.roundId, request.planId);
  if (!data) {
    await client.views.open({ trigger_id: triggerId, view: roundSelfCheckNotFoundView(request.locale) });
    return 'notFound';
  }
  const decision = mayFillRound(loadPerson(deps.db, request.userId), data.round.kind, data.plan.leadGroupId);
  if (!decision.allowed) {
    deps.log.info({ userId: request.userId, roundId: request.roundId, planId: request.planId, reason: decision.reason }, 'round self-check refused');
    await client.views.open({ trigger_id: triggerId, view: roundSelfCheckRefusedView(request.locale, decision, data.round, data.plan.code) });
    return 'refused';
  }
  await client.views.open({ trigger_id: triggerId, view: roundSelfCheckModal(data, request.locale) });
  return 'opened';
}
