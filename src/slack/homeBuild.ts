// Builds one person's App Home view from the ledger: the same code on the main thread and in an
// read worker (src/slack/readWorkers/), which is why it takes plain data (locale, the instant)
// rather than a Slack client. Read-only: a worker's connection cannot write.
import type { types } from '@slack/bolt';
import { homeView } from '../blocks/home/home.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { asOfToday } from '../domain/asOfToday.ts';
import type { Locale } from '../domain/types.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import { translator } from '../i18n/index.ts';
import { loadHome } from '../store/home.ts';
import { cachedStats } from '../store/statsCache.ts';

/** What building a Home needs besides the ledger; crosses to a worker by structured clone. */
export interface HomeBuildTask {
  userId: string;
  locale: Locale;
  /** The main thread's clock when the refresh ran (a FAST_CLOCK included), so both agree on "today". */
  nowMs: number;
}

export interface HomeBuildDeps {
  db: Db;
  config: Pick<Config, 'REFORM_TZ' | 'REFORM_YELLOW_WORKDAYS' | 'STATS_REUSE_MS'>;
  calendar: WorkCalendar;
}

export function buildHomeView(deps: HomeBuildDeps, task: HomeBuildTask): types.HomeView {
  const query = asOfToday(new Date(task.nowMs), deps);
  // Every admin's Home shows the same overall figures: cachedStats reads the ledger once per
  // change of it, not once per admin (nor per refresh).
  const data = loadHome(deps.db, task.userId, {
    ...query,
    timeZone: deps.config.REFORM_TZ,
    overallStats: () => cachedStats(deps.db, query, deps.config.STATS_REUSE_MS),
  });
  return homeView(translator(task.locale), data);
}
