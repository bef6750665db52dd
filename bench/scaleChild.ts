// One measurement in its own process, so its peak memory is its own: opens a ledger database,
// runs the named work five times and prints {ms (median), cpuMs (median), maxRssMb (after the
// first run), detail} as JSON.

import { digestHeadline, digestReplies } from '../src/blocks/messages/digest.ts';
import { burnUpPng } from '../src/chart/renderBurnUp.ts';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { CN_CALENDAR } from '../src/domain/calendars/cn.ts';
import { lightClassifier, yellowHorizon } from '../src/domain/lights.ts';
import { translator } from '../src/i18n/index.ts';
import { digestSettings, gatherDigest } from '../src/jobs/digest.ts';
import { findNewCloseoutCandidates } from '../src/store/closeout.ts';
import { sweepReminders } from '../src/store/reminders.ts';
import { loadStats } from '../src/store/stats.ts';
import { median } from './lib/measure.ts';

const [what, path, asOf = '2026-11-27'] = process.argv.slice(2);
if (!what || !path) throw new Error('usage: scaleChild.ts <stats|digest|reminders|closeout> <db> [asOf]');
const db = openDatabase(path);
const config = parseConfig({});

const work: Record<string, () => string> = {
  stats: () => `${loadStats(db, { asOf, calendar: CN_CALENDAR, yellowWorkdays: 3 }).items} items`,
  digest: () => {
    const data = gatherDigest(
      db,
      { asOf, calendar: CN_CALENDAR, yellowWorkdays: config.REFORM_YELLOW_WORKDAYS },
      digestSettings(config),
    );
    digestHeadline(translator('zh-CN'), data);
    const messages = 1 + digestReplies(translator('zh-CN'), data).length;
    const png = burnUpPng(translator('zh-CN'), data.burnUp, data.forecast);
    return `${messages} messages, ${data.rankings.departments.length} departments ranked, chart ${Math.ceil(png.length / 1024)} KB`;
  },
  reminders: () => {
    const sweep = sweepReminders(db, {
      horizon: yellowHorizon(asOf, CN_CALENDAR, 3),
      light: lightClassifier(asOf, CN_CALENDAR, 3),
    });
    return `${sweep.items.length} red/yellow items, ${sweep.byPerson.size} people`;
  },
  closeout: () => `${findNewCloseoutCandidates(db, { reviewRequired: false }).length} plans ready`,
};
const run = work[what];
if (!run) throw new Error(`unknown work ${what}`);

const ms: number[] = [];
const cpuMs: number[] = [];
let detail = '';
// Peak memory is read after the first run: the real job runs once; later runs (for a steadier
// median time) would add their garbage to a peak the job never has.
let maxRssMb = 0;
for (let i = 0; i < 5; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  detail = run();
  ms.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
  if (i === 0) maxRssMb = process.resourceUsage().maxRSS / 1024;
}
// The first run too: the real job runs once a week, cold.
process.stdout.write(JSON.stringify({ ms: median(ms), cpuMs: median(cpuMs), maxRssMb, detail, firstMs: ms[0] }));
