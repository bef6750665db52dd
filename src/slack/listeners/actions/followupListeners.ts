// The follow-up (盯跟) and close-out (销账) listeners: the prompt's answer button and modal, the
// close-out buttons, and the central-plan registration modal. `/reform central` itself is routed
// by the /reform command (see commands/central.ts, centralSubcommand). Part of registerListeners
// (src/slack/listeners/index.ts).
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import type { Routes } from '../routes.ts';
import { centralRegisterSubmission } from '../views/centralRegister.ts';
import { followupAnswerSubmission } from '../views/followupAnswer.ts';
import { closeoutConfirmAction, closeoutNotYetAction } from './closeout.ts';
import { followupAnswerAction } from './followupAnswer.ts';

export function followupRoutes(deps: SlackDeps): Routes {
  return {
    actions: {
      [ACTIONS.followupAnswer]: followupAnswerAction(deps),
      [ACTIONS.closeoutConfirm]: closeoutConfirmAction(deps),
      [ACTIONS.closeoutNotYet]: closeoutNotYetAction(deps),
    },
    views: {
      [VIEWS.followupAnswer]: followupAnswerSubmission(deps),
      [VIEWS.centralRegister]: centralRegisterSubmission(deps),
    },
  };
}
