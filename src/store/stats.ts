// Streams the ledger into the statistics accumulator: rows are never all in memory at once, so
// `stats` over 250,000 items stays small and fast.
import type { Db } from '../db/client.ts';
import { createStatsAccumulator, type Stats } from '../domain/stats.ts';
import type { Domain, IsoDate, PlanStage, Status } from '../domain/types.ts';
import type { WorkCalendar } from '../domain/workdays.ts';

export interface StatsQuery {
  asOf: IsoDate;
  calendar: WorkCalendar;
  yellowWorkdays: number;
  /** Only these plans (a round's selection, `--plan`); all plans when absent. */
  planCodes?: readonly string[];
}

/** Plans without a lead group are tallied under this code. */
export const NO_GROUP = '-';

export function loadStats(db: Db, query: StatsQuery): Stats {
  const acc = createStatsAccumulator(query.asOf, query.calendar, query.yellowWorkdays);
  const only = query.planCodes ? new Set(query.planCodes) : undefined;
  const plans = db.$client.prepare(
    `select p.code, p.domain, p.stage, coalesce(g.code, '${NO_GROUP}') as groupCode
       from plans p left join groups g on g.id = p.lead_group_id`,
  );
  for (const row of plans.iterate() as Iterable<{ code: string; domain: Domain; stage: PlanStage; groupCode: string }>) {
    if (!only || only.has(row.code)) acc.addPlan(row);
  }
  const items = db.$client
    .prepare(`select p.code as planCode, i.status, i.due_on as dueOn from items i join plans p on p.id = i.plan_id`)
    .raw(true);
  for (const [planCode, status, dueOn] of items.iterate() as Iterable<[string, Status, IsoDate | null]>) {
    if (!only || only.has(planCode)) acc.addItem({ planCode, status, dueOn });
  }
  return acc.result();
}
