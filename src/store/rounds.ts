// Supervision rounds (督察评估): creating a round takes a snapshot of the selected plans' items,
// and everything a round reports afterwards (statistics, status, export) reads that snapshot,
// never the live items, so later updates do not rewrite a past assessment.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { plans, roundPlans, rounds } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import { selectPlansForRound } from '../domain/rounds.ts';
import { createStatsAccumulator, type Stats } from '../domain/stats.ts';
import type { Domain, IsoDate, PlanStage, RoundKind, Status } from '../domain/types.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import { NO_GROUP } from './stats.ts';

export interface RoundRow {
  id: number;
  kind: RoundKind;
  asOf: IsoDate;
  minAgeMonths: number;
  createdBy: string;
  createdAt: string;
}

export interface CreateRoundInput {
  kind: RoundKind;
  asOf: IsoDate;
  minAgeMonths: number;
  createdBy: string;
  now: Date;
}

export type CreateRoundResult =
  | { kind: 'created'; round: RoundRow; selectedPlans: { id: number; code: string }[]; items: number }
  /** The same kind, date and age already has a round: creating it again would double the DMs. */
  | { kind: 'exists'; round: RoundRow }
  | { kind: 'empty' };

export function getRound(db: Db, roundId: number): RoundRow | undefined {
  return db.select().from(rounds).where(eq(rounds.id, roundId)).get() as RoundRow | undefined;
}

/**
 * Selects the plans (src/domain/rounds.ts) and records the round, its plans and each selected
 * item's current status and due date, all in one transaction: a crash leaves no half round.
 * Nothing is created when no plan qualifies.
 */
export function createRound(db: Db, input: CreateRoundInput): CreateRoundResult {
  return writeTransaction(db, (tx) => {
    const same = tx
      .select()
      .from(rounds)
      .where(and(eq(rounds.kind, input.kind), eq(rounds.asOf, input.asOf), eq(rounds.minAgeMonths, input.minAgeMonths)))
      .get();
    if (same) return { kind: 'exists', round: same as RoundRow } as const;

    const candidates = tx
      .select({
        id: plans.id,
        code: plans.code,
        stage: plans.stage,
        issuedOn: plans.issuedOn,
        closedOn: plans.closedOn,
      })
      .from(plans)
      .all()
      .map((p) => ({ ...p, stage: p.stage as PlanStage }));
    const selected = selectPlansForRound(candidates, input.asOf, input.minAgeMonths).sort((a, b) =>
      compareNatural(a.code, b.code),
    );
    if (selected.length === 0) return { kind: 'empty' } as const;

    const round = tx
      .insert(rounds)
      .values({
        kind: input.kind,
        asOf: input.asOf,
        minAgeMonths: input.minAgeMonths,
        createdBy: input.createdBy,
        createdAt: input.now.toISOString(),
      })
      .returning()
      .get() as RoundRow;
    // Raw statements on the same connection run inside the transaction.
    const insertPlan = db.$client.prepare('insert into round_plans (round_id, plan_id) values (?, ?)');
    for (const plan of selected) insertPlan.run(round.id, plan.id);
    // One statement copies every selected item: a province's round may hold tens of thousands.
    const copied = db.$client
      .prepare(
        `insert into round_items (round_id, item_id, status, due_on)
         select rp.round_id, i.id, i.status, i.due_on
           from round_plans rp join items i on i.plan_id = rp.plan_id
          where rp.round_id = ?`,
      )
      .run(round.id);
    return {
      kind: 'created',
      round,
      selectedPlans: selected.map(({ id, code }) => ({ id, code })),
      items: copied.changes,
    } as const;
  });
}

/** The round's statistics, from its snapshot, judged (traffic lights) as of the round's date. */
export function loadRoundStats(db: Db, round: RoundRow, calendar: WorkCalendar, yellowWorkdays: number): Stats {
  const acc = createStatsAccumulator(round.asOf, calendar, yellowWorkdays);
  const planRows = db.$client.prepare(
    `select p.code, p.domain, coalesce(g.code, '${NO_GROUP}') as groupCode
       from round_plans rp join plans p on p.id = rp.plan_id left join groups g on g.id = p.lead_group_id
      where rp.round_id = ?`,
  );
  // Every selected plan was open on the round's date (that is how it was selected), whatever its
  // stage is today: a plan closed since then still counts as it stood.
  for (const p of planRows.iterate(round.id) as Iterable<{ code: string; domain: Domain; groupCode: string }>) {
    acc.addPlan({ ...p, stage: 'issued' });
  }
  const itemRows = db.$client
    .prepare(
      `select p.code, ri.status, ri.due_on
         from round_items ri join items i on i.id = ri.item_id join plans p on p.id = i.plan_id
        where ri.round_id = ?`,
    )
    .raw(true);
  for (const [planCode, status, dueOn] of itemRows.iterate(round.id) as Iterable<[string, Status, IsoDate | null]>) {
    acc.addItem({ planCode, status, dueOn });
  }
  return acc.result();
}

/** Codes of the round's plans, natural order. */
export function roundPlanCodes(db: Db, roundId: number): string[] {
  return db
    .select({ code: plans.code })
    .from(roundPlans)
    .innerJoin(plans, eq(plans.id, roundPlans.planId))
    .where(eq(roundPlans.roundId, roundId))
    .all()
    .map((r) => r.code)
    .sort(compareNatural);
}

export interface RoundPlanStatus {
  planId: number;
  code: string;
  title: string;
  group: string;
  items: number;
  confirmedItems: number;
  coordinated: boolean | null;
  onSchedule: boolean | null;
  breakthroughs: boolean | null;
  note: string | null;
  filledBy: string | null;
  filledAt: string | null;
  /** All three checks answered. */
  filled: boolean;
}

/** Each plan of the round with its three checks and how many of its items were confirmed. */
export function roundPlanStatuses(db: Db, roundId: number): RoundPlanStatus[] {
  const rows = db.$client
    .prepare(
      `select p.id as planId, p.code, p.title, coalesce(g.code, '${NO_GROUP}') as "group",
              rp.coordinated, rp.on_schedule as onSchedule, rp.breakthroughs, rp.note,
              rp.filled_by as filledBy, rp.filled_at as filledAt,
              (select count(*) from round_items ri join items i on i.id = ri.item_id
                where ri.round_id = rp.round_id and i.plan_id = p.id) as items,
              (select count(*) from round_items ri join items i on i.id = ri.item_id
                where ri.round_id = rp.round_id and i.plan_id = p.id and ri.confirmed_by is not null) as confirmedItems
         from round_plans rp join plans p on p.id = rp.plan_id left join groups g on g.id = p.lead_group_id
        where rp.round_id = ?`,
    )
    .all(roundId) as (Omit<RoundPlanStatus, 'filled' | 'coordinated' | 'onSchedule' | 'breakthroughs'> & {
    coordinated: number | null;
    onSchedule: number | null;
    breakthroughs: number | null;
  })[];
  const bool = (v: number | null) => (v === null ? null : v !== 0);
  return rows
    .map((r) => {
      const checks = {
        coordinated: bool(r.coordinated),
        onSchedule: bool(r.onSchedule),
        breakthroughs: bool(r.breakthroughs),
      };
      return { ...r, ...checks, filled: Object.values(checks).every((v) => v !== null) };
    })
    .sort((a, b) => compareNatural(a.code, b.code));
}

export interface RoundSummary extends RoundRow {
  plans: number;
  filledPlans: number;
  items: number;
}

/** Every round, newest first, with how far its self-check has got. */
export function listRounds(db: Db): RoundSummary[] {
  return db.$client
    .prepare(
      `select r.id, r.kind, r.as_of as asOf, r.min_age_months as minAgeMonths, r.created_by as createdBy,
              r.created_at as createdAt,
              (select count(*) from round_plans rp where rp.round_id = r.id) as plans,
              (select count(*) from round_plans rp where rp.round_id = r.id and rp.coordinated is not null
                  and rp.on_schedule is not null and rp.breakthroughs is not null) as filledPlans,
              (select count(*) from round_items ri where ri.round_id = r.id) as items
         from rounds r order by r.id desc`,
    )
    .all() as RoundSummary[];
}
