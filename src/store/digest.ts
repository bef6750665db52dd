// What the weekly digest reads besides the statistics: the snapshot of each digest (for next
// week's change), the overdue items worst first, plan titles, plans closed since a date, and the
// digest channel. Lists are bounded by LIMIT (their totals come from the statistics or a count),
// so a 250,000-item ledger is never loaded whole.
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { digestSnapshots, groups, settings } from '../db/schema.ts';
import type { Stats, StatusTally } from '../domain/stats.ts';
import type { Domain, IsoDate, Status } from '../domain/types.ts';

/** The headline figures of one digest (the statistics table's columns plus lights and plans). */
export interface DigestSnapshot extends StatusTally {
  asOf: IsoDate;
  red: number;
  yellow: number;
  closablePlans: number;
  closedPlans: number;
  byDomain: Partial<Record<Domain, number>>;
  byGroup: Record<string, number>;
}

export function snapshotOf(stats: Stats): DigestSnapshot {
  return {
    asOf: stats.asOf,
    plans: stats.plans,
    items: stats.items,
    done: stats.done,
    started: stats.started,
    notStarted: stats.notStarted,
    doneRate: stats.doneRate,
    startedRate: stats.startedRate,
    notStartedRate: stats.notStartedRate,
    red: stats.lights.red,
    yellow: stats.lights.yellow,
    closablePlans: stats.closablePlans,
    closedPlans: stats.closedPlans,
    byDomain: Object.fromEntries(stats.byDomain.map((d) => [d.domain, d.doneRate])),
    byGroup: Object.fromEntries(stats.byGroup.map((g) => [g.group, g.doneRate])),
  };
}

export function hasSnapshot(db: Db, period: string): boolean {
  return (
    db.select({ p: digestSnapshots.period }).from(digestSnapshots).where(eq(digestSnapshots.period, period)).get() !==
    undefined
  );
}

/** The latest digest before `period` (ISO weeks sort as text). */
export function previousSnapshot(db: Db, period: string): { period: string; snapshot: DigestSnapshot } | undefined {
  const row = db
    .select()
    .from(digestSnapshots)
    .where(lt(digestSnapshots.period, period))
    .orderBy(desc(digestSnapshots.period))
    .limit(1)
    .get();
  return row ? { period: row.period, snapshot: JSON.parse(row.stats) as DigestSnapshot } : undefined;
}

export function saveSnapshot(db: Db, period: string, takenAt: Date, snapshot: DigestSnapshot): void {
  db.insert(digestSnapshots)
    .values({ period, takenAt: takenAt.toISOString(), stats: JSON.stringify(snapshot) })
    .onConflictDoNothing()
    .run();
}

export function digestChannel(db: Db): string | undefined {
  return db.select().from(settings).where(eq(settings.key, 'digest_channel')).get()?.value || undefined;
}

export function groupNames(db: Db): Map<string, string> {
  return new Map(
    db
      .select({ code: groups.code, name: groups.name })
      .from(groups)
      .all()
      .map((g) => [g.code, g.name]),
  );
}

export interface OverdueRow {
  planCode: string;
  itemCode: string;
  title: string;
  dueOn: IsoDate;
  status: Status;
  groupCode: string | null;
}

/**
 * The first `limit` red items (not done, due before asOf: the statistics' own definition, so the
 * digest's list and its headline count agree), the longest overdue first. The due-date index
 * serves the order, so only `limit` rows are read however large the ledger.
 */
export function overdueItems(db: Db, asOf: IsoDate, limit: number): OverdueRow[] {
  return db.$client
    .prepare(
      `select p.code as planCode, i.code as itemCode, i.title, i.due_on as dueOn, i.status,
              (select code from groups g where g.id = p.lead_group_id) as groupCode
         from items i join plans p on p.id = i.plan_id
        where i.status != 'done' and i.due_on is not null and i.due_on < ?
        order by i.due_on, p.code, i.code limit ?`,
    )
    .all(asOf, limit) as OverdueRow[];
}

export interface PlanLine {
  code: string;
  title: string;
  groupCode: string | null;
}

/** Titles and groups of the given plan codes, in the order given. */
export function planLines(db: Db, codes: readonly string[]): PlanLine[] {
  const get = db.$client.prepare(
    'select p.code, p.title, g.code as groupCode from plans p left join groups g on g.id = p.lead_group_id where p.code = ?',
  );
  return codes.map((code) => get.get(code) as PlanLine | undefined).filter((p): p is PlanLine => p !== undefined);
}

export interface ClosedPlanLine {
  code: string;
  title: string;
  closedOn: IsoDate;
  closedBy: string | null;
}

/** Plans closed out on or after `since`, the most recent first. */
export function plansClosedSince(db: Db, since: IsoDate, limit: number): { rows: ClosedPlanLine[]; total: number } {
  const where = "from plans where stage = 'closed' and closed_on is not null and closed_on >= ?";
  const rows = db.$client
    .prepare(
      `select code, title, closed_on as closedOn, closed_by as closedBy ${where} order by closed_on desc, code limit ?`,
    )
    .all(since, limit) as ClosedPlanLine[];
  const total = db.$client.prepare(`select count(*) ${where}`).pluck().get(since) as number;
  return { rows, total };
}
