// Publishes App Home tabs: when a person opens theirs, and after a change that concerns them
// (their item, their group's plan, the office figures), so nobody reads a stale Home.
import type { webApi } from '@slack/bolt';
import { todayIn } from '../domain/dates.ts';
import type { Stats } from '../domain/stats.ts';
import { translator } from '../i18n/index.ts';
import { loadHome } from '../store/home.ts';
import { loadStats } from '../store/stats.ts';
import { cachedStats } from '../store/statsCache.ts';
import type { SlackDeps } from './deps.ts';
import { localeFor } from './locale.ts';
import { homeView } from './ui/home/home.ts';

/**
 * At most this many Homes per change. The most concerned come first (actor, group, departments,
 * admins); views.publish allows 100+ calls a minute, and one status change should not spend it.
 */
export const HOME_REFRESH_CAP = 50;
/** Homes published at the same time. */
const PARALLEL = 4;

interface Shared {
  overallStats?: () => Stats;
}

export async function publishHome(client: webApi.WebClient, deps: SlackDeps, userId: string, shared: Shared = {}): Promise<void> {
  const locale = await localeFor(client, deps, userId);
  const query = { asOf: todayIn(deps.now(), deps.config.REFORM_TZ), calendar: deps.calendar, yellowWorkdays: deps.config.REFORM_YELLOW_WORKDAYS };
  const data = loadHome(deps.db, userId, { ...query, overallStats: shared.overallStats ?? (() => cachedStats(deps.db, query)) });
  await client.views.publish({ user_id: userId, view: homeView(translator(locale), data) });
}

/** Re-publishes the Homes of `userIds` (deduplicated, capped); a failure for one person is logged, not thrown. */
export async function refreshHomes(client: webApi.WebClient, deps: SlackDeps, userIds: readonly string[]): Promise<void> {
  const people = [...new Set(userIds)].slice(0, HOME_REFRESH_CAP);
  let stats: Stats | undefined;
  // Every admin's Home shows the same overall figures: read the ledger once per refresh.
  const overallStats = () =>
    (stats ??= loadStats(deps.db, {
      asOf: todayIn(deps.now(), deps.config.REFORM_TZ),
      calendar: deps.calendar,
      yellowWorkdays: deps.config.REFORM_YELLOW_WORKDAYS,
    }));
  for (let i = 0; i < people.length; i += PARALLEL) {
    await Promise.all(
      people.slice(i, i + PARALLEL).map((userId) =>
        publishHome(client, deps, userId, { overallStats }).catch((error: unknown) => {
          deps.log.warn({ userId, err: (error as Error).message }, 'App Home refresh failed');
        }),
      ),
    );
  }
}
