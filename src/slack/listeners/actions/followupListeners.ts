// Registers the follow-up (盯跟) and close-out (销账) listeners: the prompt's answer button and
// modal, the close-out buttons, and the central-plan registration modal. `/reform central` itself
// is routed by the /reform command (see commands/central.ts, centralSubcommand).
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTIONS, VIEWS } from '../../ids.ts';
import { centralRegisterSubmission } from '../views/centralRegister.ts';
import { followupAnswerSubmission } from '../views/followupAnswer.ts';
import { closeoutConfirmAction, closeoutNotYetAction } from './closeout.ts';
import { followupAnswerAction } from './followupAnswer.ts';

export function registerFollowupListeners(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.followupAnswer, followupAnswerAction(deps));
  app.view(VIEWS.followupAnswer, followupAnswerSubmission(deps));
  app.action(ACTIONS.closeoutConfirm, closeoutConfirmAction(deps));
  app.action(ACTIONS.closeoutNotYet, closeoutNotYetAction(deps));
  app.view(VIEWS.centralRegister, centralRegisterSubmission(deps));
}
