// Registers every listener. One callback per file under commands/, actions/, views/, options/,
// events/; buttons, forms and selects are routed by id through one Bolt listener per kind
// (routes.ts says why).
import type { App } from '@slack/bolt';
import { ACTIONS, VIEWS } from '../../blocks/ids.ts';
import type { SlackDeps } from '../deps.ts';
import { followupRoutes } from './actions/followupListeners.ts';
import { itemMark } from './actions/itemMark.ts';
import { itemMarkDone } from './actions/itemMarkDone.ts';
import { itemOpenUpdate } from './actions/itemOpenUpdate.ts';
import { planPage } from './actions/planPage.ts';
import { reviewConfirm, reviewReturn } from './actions/reviewButtons.ts';
import { roundRoutes } from './actions/roundListeners.ts';
import { updatePlanChosen } from './actions/updatePlanChosen.ts';
import { reformCommand } from './commands/reform.ts';
import { appHomeOpened } from './events/appHomeOpened.ts';
import { extensionRoutes } from './extensions/extensionRoutes.ts';
import { registerFallbacks } from './fallbacks.ts';
import { updateItemOptions } from './options/updateItemOptions.ts';
import { updatePlanOptions } from './options/updatePlanOptions.ts';
import { mergeRoutes, type Routes, registerRoutes } from './routes.ts';
import { itemUpdateSubmit } from './views/itemUpdateSubmit.ts';
import { reviewReturnSubmit } from './views/reviewReturn.ts';

/** Review of claimed results: Confirm / Return (request, card, App Home) and the return form. */
function reviewRoutes(deps: SlackDeps): Routes {
  return {
    actions: { [ACTIONS.reviewConfirm]: reviewConfirm(deps), [ACTIONS.reviewReturn]: reviewReturn(deps) },
    views: { [VIEWS.reviewReturn]: reviewReturnSubmit(deps) },
  };
}

/** /reform's answers, the status-update modal and App Home. */
function itemRoutes(deps: SlackDeps): Routes {
  return {
    actions: {
      [ACTIONS.itemMarkStarted]: itemMark(deps, 'started'),
      [ACTIONS.itemMarkDone]: itemMarkDone(deps),
      [ACTIONS.planPage]: planPage(deps),
      [ACTIONS.itemOpenUpdate]: itemOpenUpdate(deps),
      [ACTIONS.updatePlanSelect]: updatePlanChosen(deps),
    },
    options: {
      [ACTIONS.updatePlanSelect]: updatePlanOptions(deps),
      [ACTIONS.updateItemSelect]: updateItemOptions(deps),
    },
    views: { [VIEWS.itemUpdate]: itemUpdateSubmit(deps) },
  };
}

export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/reform', reformCommand(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  const routes = mergeRoutes(
    itemRoutes(deps),
    // Central-plan follow-ups, close-out
    followupRoutes(deps),
    // Supervision-round self-check
    roundRoutes(deps),
    // Extension requests
    extensionRoutes(deps),
    // Review of claimed results
    reviewRoutes(deps),
  );
  registerRoutes(app, routes);
  // Last: everything above does not route is still acknowledged and answered.
  registerFallbacks(app, deps, { routes, commands: ['/reform'] });
}
