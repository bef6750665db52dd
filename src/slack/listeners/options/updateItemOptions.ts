// Type-ahead for the item select of the status-update modal (block_suggestion on update.item):
// items of the chosen plan (kept in private_metadata when the plan was chosen) matching the typed
// code or title, at most 100. Without a plan, `P1#3`-style references and titles across plans.
import type { Middleware, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../../blocks/ids.ts';
import { decodeMetadata, itemOption, UPDATE_BLOCKS } from '../../../blocks/modals/itemUpdate.ts';
import { searchItemsAnyPlan, searchItemsOfPlan } from '../../../store/itemSearch.ts';
import type { SlackDeps } from '../../deps.ts';

export function updateItemOptions(deps: SlackDeps): Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>> {
  return async ({ ack, body, options }) => {
    const view = body.view;
    // Slack does not reliably send the other inputs' state with a suggestion request, so the plan
    // comes from the metadata the plan choice wrote; the state is only a second source.
    const fromState = view?.state?.values?.[UPDATE_BLOCKS.plan]?.[ACTIONS.updatePlanSelect]?.selected_option?.value;
    const stateId = Number(fromState);
    const planId =
      decodeMetadata(view?.private_metadata)?.planId ??
      (Number.isSafeInteger(stateId) && stateId > 0 ? stateId : undefined);
    const items =
      planId !== undefined
        ? searchItemsOfPlan(deps.db, planId, options.value)
        : searchItemsAnyPlan(deps.db, options.value);
    await ack({ options: items.map((item) => itemOption(item, planId === undefined)) });
  };
}
