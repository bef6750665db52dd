// Registers every listener. One callback per file under commands/, actions/, views/, events/.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { ACTIONS, VIEWS } from '../ids.ts';
import { localeFor } from '../locale.ts';
import { itemMark } from './actions/itemMark.ts';
import { itemOpenUpdate } from './actions/itemOpenUpdate.ts';
import { registerFollowupListeners } from './actions/followupListeners.ts';
import { planPage } from './actions/planPage.ts';
import { registerRoundListeners } from './actions/roundListeners.ts';
import { updatePlanChosen } from './actions/updatePlanChosen.ts';
import { reformCommand } from './commands/reform.ts';
import { appHomeOpened } from './events/appHomeOpened.ts';
import { updateItemOptions } from './options/updateItemOptions.ts';
import { updatePlanOptions } from './options/updatePlanOptions.ts';
import { itemUpdateSubmit } from './views/itemUpdateSubmit.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  // /reform and the buttons of its answers
  app.command('/reform', reformCommand(deps));
  app.action(ACTIONS.itemMarkStarted, itemMark(deps, 'started'));
  app.action(ACTIONS.itemMarkDone, itemMark(deps, 'done'));
  app.action(ACTIONS.planPage, planPage(deps));
  // Status-update modal and App Home
  app.action(ACTIONS.itemOpenUpdate, itemOpenUpdate(deps));
  app.action(ACTIONS.updatePlanSelect, updatePlanChosen(deps));
  app.options(ACTIONS.updatePlanSelect, updatePlanOptions(deps));
  app.options(ACTIONS.updateItemSelect, updateItemOptions(deps));
  app.view(VIEWS.itemUpdate, itemUpdateSubmit(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  // Central-plan follow-ups, close-out
  registerFollowupListeners(app, deps);
  // Supervision-round self-check
  registerRoundListeners(app, deps, { localeOf: (client, userId) => localeFor(client, deps, userId) });
}
