// What the round's supervision tables (督察评估事项表) show: per plan its three checks, per item
// its round status. Items are read one plan at a time so a large round never sits in memory.
import type { Db } from '../db/client.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import type { Domain, IsoDate, Status } from '../domain/types.ts';

export interface ExportPlan {
  planId: number;
  code: string;
  title: string;
  domain: Domain;
  groupCode: string | null;
  groupName: string | null;
  leadDepartment: string | null;
  coordinated: boolean | null;
  onSchedule: boolean | null;
  breakthroughs: boolean | null;
  note: string | null;
  filledBy: string | null;
  filledAt: string | null;
}

export interface ExportItem {
  code: string;
  title: string;
  /** Lead department first, as the ledger lists them. */
  departments: string[];
  dueOn: IsoDate | null;
  status: Status;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

const bool = (v: number | null) => (v === null ? null : v !== 0);

export function roundExportPlans(db: Db, roundId: number): ExportPlan[] {
  const rows = db.$client
    .prepare(
      `select p.id as planId, p.code, p.title, p.domain, g.code as groupCode, g.name as groupName, d.name as leadDepartment,
              rp.coordinated, rp.on_schedule as onSchedule, rp.breakthroughs, rp.note, rp.filled_by as filledBy, rp.filled_at as filledAt
         from round_plans rp join plans p on p.id = rp.plan_id
         left join groups g on g.id = p.lead_group_id left join departments d on d.id = p.lead_department_id
        where rp.round_id = ?`,
    )
    .all(roundId) as (Omit<ExportPlan, 'coordinated' | 'onSchedule' | 'breakthroughs'> &
    Record<'coordinated' | 'onSchedule' | 'breakthroughs', number | null>)[];
  return rows
    .map((r) => ({
      ...r,
      coordinated: bool(r.coordinated),
      onSchedule: bool(r.onSchedule),
      breakthroughs: bool(r.breakthroughs),
    }))
    .sort((a, b) => compareNatural(a.code, b.code));
}

/** A reader of one plan's round items, prepared once for all plans. */
export function roundExportItems(db: Db, roundId: number): (planId: number) => ExportItem[] {
  const itemsOf = db.$client.prepare(
    `select i.id, i.code, i.title, ri.due_on as dueOn, ri.status, ri.confirmed_by as confirmedBy, ri.confirmed_at as confirmedAt
       from round_items ri join items i on i.id = ri.item_id
      where ri.round_id = ? and i.plan_id = ?`,
  );
  const departmentsOf = db.$client.prepare(
    `select idp.item_id as itemId, d.name
       from item_departments idp join departments d on d.id = idp.department_id join items i on i.id = idp.item_id
      where i.plan_id = ? order by idp.item_id, idp.position, d.name`,
  );
  return (planId) => {
    const departments = new Map<number, string[]>();
    for (const row of departmentsOf.all(planId) as { itemId: number; name: string }[]) {
      const list = departments.get(row.itemId) ?? [];
      list.push(row.name);
      departments.set(row.itemId, list);
    }
    const rows = itemsOf.all(roundId, planId) as (Omit<ExportItem, 'departments'> & { id: number })[];
    return rows
      .map(({ id, ...item }) => ({ ...item, departments: departments.get(id) ?? [] }))
      .sort((a, b) => compareNatural(a.code, b.code));
  };
}

export interface PlanTally {
  done: number;
  started: number;
  notStarted: number;
}

/** Round status counts per plan id, from the snapshot (one grouped query). */
export function roundPlanTallies(db: Db, roundId: number): Map<number, PlanTally> {
  const rows = db.$client
    .prepare(
      `select i.plan_id as planId, ri.status, count(*) as n
         from round_items ri join items i on i.id = ri.item_id
        where ri.round_id = ? group by i.plan_id, ri.status`,
    )
    .all(roundId) as { planId: number; status: Status; n: number }[];
  const tallies = new Map<number, PlanTally>();
  for (const r of rows) {
    const tally = tallies.get(r.planId) ?? { done: 0, started: 0, notStarted: 0 };
    if (r.status === 'done') tally.done += r.n;
    else if (r.status === 'started') tally.started += r.n;
    else tally.notStarted += r.n;
    tallies.set(r.planId, tally);
  }
  return tallies;
}
