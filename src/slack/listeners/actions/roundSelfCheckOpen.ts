// Opens the self-check modal for one plan of a round, or a notice saying why not. Used by the
// button in the year-end message and, for mid-year rounds, by the /reform command (the office).
import type { types } from '@slack/bolt';
import { roundSelfCheckModal } from '../../../blocks/modals/roundSelfCheck.ts';
import { roundSelfCheckNotFoundView, roundSelfCheckRefusedView } from '../../../blocks/modals/roundSelfCheckResult.ts';
import { mayFillRound } from '../../../domain/permissions.ts';
import type { Locale } from '../../../domain/types.ts';
import { translator } from '../../../i18n/index.ts';
import { loadPerson } from '../../../store/people.ts';
import { loadSelfCheck } from '../../../store/roundSelfCheck.ts';
import type { SlackDeps } from '../../deps.ts';
import { type ModalRequest, openModal, type ViewsOpenClient } from '../../openModal.ts';

export type { ViewsOpenClient };

export interface OpenRoundSelfCheck {
  roundId: number;
  planId: number;
  userId: string;
  locale: Locale;
}

/** `notOpened`: Slack refused views.open (told to the person when `tellFailure` was given). */
export type OpenOutcome = 'opened' | 'refused' | 'notFound' | 'notOpened';

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
  tellFailure?: ModalRequest['tellFailure'],
): Promise<OpenOutcome> {
  const modal: ModalRequest = {
    client,
    triggerId,
    locale: request.locale,
    log: deps.log,
    tellFailure,
    context: { userId: request.userId, roundId: request.roundId, planId: request.planId, flow: 'round self-check' },
  };
  const open = async (view: types.ModalView, outcome: OpenOutcome): Promise<OpenOutcome> =>
    (await openModal(modal, view)).opened ? outcome : 'notOpened';
  const t = translator(request.locale);
  const data = loadSelfCheck(deps.db, request.roundId, request.planId);
  if (!data) return open(roundSelfCheckNotFoundView(t), 'notFound');
  const decision = mayFillRound(loadPerson(deps.db, request.userId), data.round.kind, data.plan.leadGroupId);
  if (!decision.allowed) {
    deps.log.info(
      { userId: request.userId, roundId: request.roundId, planId: request.planId, reason: decision.reason },
      'round self-check refused',
    );
    return open(roundSelfCheckRefusedView(t, decision, data.round, data.plan.code), 'refused');
  }
  return open(roundSelfCheckModal(t, data, request.locale), 'opened');
}
