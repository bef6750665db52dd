// Type-ahead for the plan select of the status-update modal (block_suggestion on update.plan):
// plans whose code or title contains what was typed, best matches first, at most 100.
import type { Middleware, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { planOption } from '../../../blocks/modals/itemUpdate.ts';
import { translator } from '../../../i18n/index.ts';
import { searchPlans } from '../../../store/itemSearch.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';

export function updatePlanOptions(deps: SlackDeps): Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>> {
  return async ({ ack, body, options, client }) => {
    const t = translator(await localeFor(client, deps, body.user.id, { quick: true }));
    const plans = searchPlans(deps.db, options.value);
    await ack({
      options: plans.map((p) =>
        planOption(t, { id: p.id, code: p.code, title: p.title, closed: p.stage === 'closed' }),
      ),
    });
  };
}
