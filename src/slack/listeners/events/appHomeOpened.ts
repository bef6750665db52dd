// app_home_opened: publish the person's Home, fresh, each time they open the tab.
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { publishHome } from '../../homeRefresh.ts';

export function appHomeOpened(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, client }) => {
    if (event.tab !== 'home') return; // the Messages tab has nothing to publish
    await publishHome(client, deps, event.user);
  };
}
