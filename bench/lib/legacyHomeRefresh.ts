// The App Home refresh as it was before refreshes were coalesced (kept for the `home` bench's baseline only):
// every change awaited, on the main thread, the rebuild and publication of every concerned
// person's Home (loadHome + homeView), four at a time, the overall figures read once per change.
import type { webApi } from '@slack/bolt';
import { homeView } from '../../src/blocks/home/home.ts';
import { todayIn } from '../../src/domain/dates.ts';
import type { Stats } from '../../src/domain/stats.ts';
import { translator } from '../../src/i18n/index.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { localeFor } from '../../src/slack/locale.ts';
import { loadHome } from '../../src/store/home.ts';
import { loadStats } from '../../src/store/stats.ts';

const CAP = 50;
const PARALLEL = 4;

export async function legacyRefreshHomes(
  client: webApi.WebClient,
  deps: SlackDeps,
  userIds: readonly string[],
): Promise<void> {
  const people = [...new Set(userIds)].slice(0, CAP);
  const query = {
    asOf: todayIn(deps.now(), deps.config.REFORM_TZ),
    calendar: deps.calendar,
    yellowWorkdays: deps.config.REFORM_YELLOW_WORKDAYS,
  };
  let stats: Stats | undefined;
  const overallStats = () => (stats ??= loadStats(deps.db, query));
  for (let i = 0; i < people.length; i += PARALLEL) {
    await Promise.all(
      people.slice(i, i + PARALLEL).map(async (userId) => {
        const locale = await localeFor(client, deps, userId);
        const data = loadHome(deps.db, userId, { ...query, overallStats });
        await client.views.publish({ user_id: userId, view: homeView(translator(locale), data) });
      }),
    );
  }
}
