// The follow-up (盯跟) and close-out (销账) listeners: the prompt's docking-arrangement button and modal, the
// close-out buttons, and the central-plan registration modal. `/reform central` itself is routed
// by the /reform command (see commands/central.ts, centralSubcommand). Part of registerListeners
// (src/slack/listeners/index.ts).
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import type { Routes } from '../routes.ts';
import { arrangementSubmission } from '../views/arrangement.ts';
import { centralRegisterSubmission } from '../views/centralRegister.ts';
import { arrangementAction } from './arrangement.ts';
import { closeoutConfirmAction, closeoutNotYetAction } from './closeout.ts';

export function followupRoutes(deps: SlackDeps): Routes {
  return {
    actions: {
      [ACTIONS.followupArrangement]: arrangementAction(deps),
      [ACTIONS.closeoutConfirm]: closeoutConfirmAction(deps),
      [ACTIONS.closeoutNotYet]: closeoutNotYetAction(deps),
    },
    views: {
      [VIEWS.followupArrangement]: arrangementSubmission(deps),
      [VIEWS.centralRegister]: centralRegisterSubmission(deps),
    },
  };
}
