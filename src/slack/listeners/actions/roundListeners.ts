// The supervision-round listeners: the self-check button and the modal submission. Part of
// registerListeners (src/slack/listeners/index.ts).
import { ACTIONS, VIEWS } from '../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import type { Routes } from '../routes.ts';
import { roundSelfCheckSubmission } from '../views/roundSelfCheck.ts';
import { roundSelfCheckAction } from './roundSelfCheck.ts';

export function roundRoutes(deps: SlackDeps): Routes {
  return {
    actions: { [ACTIONS.roundSelfCheck]: roundSelfCheckAction(deps) },
    views: { [VIEWS.roundSelfCheck]: roundSelfCheckSubmission(deps) },
  };
}
