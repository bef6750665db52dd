// The supervision-round listeners: the self-check button and the modal submission. Part of
// registerListeners (src/slack/listeners/index.ts).
import type { App } from '@slack/bolt';
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { type Routes, registerRoutes } from '../routes.ts';
import { roundSelfCheckSubmission } from '../views/roundSelfCheck.ts';
import { roundSelfCheckAction } from './roundSelfCheck.ts';

export function roundRoutes(deps: SlackDeps): Routes {
  return {
    actions: { [ACTIONS.roundSelfCheck]: roundSelfCheckAction(deps) },
    views: { [VIEWS.roundSelfCheck]: roundSelfCheckSubmission(deps) },
  };
}

/** These listeners alone (tests that need no others). */
export function registerRoundListeners(app: App, deps: SlackDeps): void {
  registerRoutes(app, roundRoutes(deps));
}
