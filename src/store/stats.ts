// Streams the ledger into the statistics accumulator: rows are never all in memory at once, so
// `stats` over 250,000 items stays small and fast.
import type { Db } from '../db/client.ts';
import { yellowHorizon } from '../domain/lights.ts';
import { createStatsAccumulator, type Stats, type StatsItemGroup } from '../domain/stats.ts';
import type { Domain, IsoDate, PlanStage } from '../domain/types.ts';
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
    `select p.id, p.code, p.domain, p.stage, coalesce(g.code, '${NO_GROUP}') as groupCode
       from plans p left join groups g on g.id = p.lead_group_id`,
  );
  const codeOf = new Map<number, string>();
  for (const row of plans.iterate() as Iterable<{
    id: number;
    code: string;
    domain: Domain;
    stage: PlanStage;
    groupCode: string;
  }>) {
    if (only && !only.has(row.code)) continue;
    codeOf.set(row.id, row.code);
    acc.addPlan(row);
  }
  // Counted in SQL per (plan, status), with the lights judged by date comparisons against the
  // horizon the domain computes: a few thousand rows cross into JS instead of 250,000.
  const horizon = yellowHorizon(query.asOf, query.calendar, query.yellowWorkdays);
  const groups = db.$client.prepare(
    // NOT INDEXED: a straight table scan is several times faster here than walking the
    // (plan_id, code) index and fetching every row it points to.
    `select plan_id as planId, status, count(*) as items,
            sum(status <> 'done' and due_on < @asOf) as red,
            sum(status <> 'done' and due_on >= @asOf and due_on <= @horizon) as yellow
       from items not indexed
      group by plan_id, status`,
  );
  type Row = Omit<StatsItemGroup, 'planCode'> & { planId: number };
  for (const { planId, ...group } of groups.iterate({ asOf: query.asOf, horizon }) as Iterable<Row>) {
    const planCode = codeOf.get(planId);
    if (planCode !== undefined) acc.addItemGroup({ planCode, ...group });
  }
  return acc.result();
}
