// The chaos run's database: a realistic ledger (bench's synthetic one: nine groups with channels
// and leaders, forty departments with members, an office admin and a digest channel, items due
// around the start so every light occurs) plus central plans registered over the days before the
// start, so follow-ups have prompts to post and chases to make.

import { writeSyntheticLedger } from '../bench/lib/syntheticLedger.ts';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { addDays, todayIn } from '../src/domain/dates.ts';
import { registerCentralPlan } from '../src/store/centralPlans.ts';

const CHAOS_TZ = 'Asia/Shanghai';

export interface PreparedWorld {
  plans: number;
  items: number;
  centralPlans: number;
}

export function prepareDatabase(path: string, virtualStart: Date): PreparedWorld {
  const today = todayIn(virtualStart, CHAOS_TZ);
  const world = { plans: 300, items: 3000, centralPlans: 12 };
  writeSyntheticLedger(path, { plans: world.plans, items: world.items, around: today, membersPerDepartment: 1 });
  const db = openDatabase(path);
  try {
    for (let n = 1; n <= world.centralPlans; n++) {
      const result = registerCentralPlan(
        db,
        {
          title: `关于深化第${n}项重点领域改革的意见（中央全面深化改革委员会审议通过）`,
          // Passed 0-5 days before the start: some still within the 3-day deadline, some overdue.
          passedOn: addDays(today, -(n % 6)),
          groupCode: `G${(n % 9) + 1}`,
          createdBy: 'U0ADMIN',
        },
        { now: virtualStart, timeZone: CHAOS_TZ, deadlineDays: 3 },
      );
      if (result.kind === 'invalid') throw new Error(`central plan ${n}: ${JSON.stringify(result.problems)}`);
    }
  } finally {
    closeDatabase(db);
  }
  return world;
}
