// The follow-up (盯跟) and close-out (销账) listeners: the prompt's docking-arrangement button and modal, the
// close-out buttons, and the central-plan registration modal. `/reform central` itself is routed
// by the /reform command (see commands/central.ts, centralSubcommand).
import type { App } from '@slack/bolt';
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { type Routes, registerRoutes } from '../routes.ts';
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

/** These listeners alone (tests that need no others). */
export function registerFollowupListeners(app: App, deps: SlackDeps): void {
  registerRoutes(app, followupRoutes(deps));
}
