// A plan chosen in the status-update modal (action update.plan, dispatched by its input block):
// the modal is rebuilt for that plan, so the item type-ahead searches only its items and an item
// picked from another plan is cleared (the item block's id changes with the plan).
import type { BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { itemUpdateModal } from '../../../blocks/modals/itemUpdate.ts';
import { translator } from '../../../i18n/index.ts';
import { planById } from '../../../store/itemSearch.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';

export function updatePlanChosen(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'external_select' || !body.view) return;
    const plan = planById(deps.db, Number(action.selected_option?.value));
    const t = translator(await localeFor(client, deps, body.user.id, { quick: true }));
    const view = itemUpdateModal(t, {
      plan: plan ? { id: plan.id, code: plan.code, title: plan.title, closed: plan.stage === 'closed' } : undefined,
    });
    try {
      // The hash refuses the update if the modal changed meanwhile (another quick choice).
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
    } catch (error) {
      deps.log.info({ err: (error as Error).message }, 'update modal not rebuilt for the chosen plan');
    }
  };
}
