// A plan and its implementation file (落实情况档案): the plan's header and its items, in natural
// code order. A plan holds at most a few hundred items, so they are read in one query.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { departments, groups, items, plans } from '../db/schema.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import type { Domain, IsoDate, PlanStage, Status } from '../domain/types.ts';
import { prepared } from './prepared.ts';

export interface PlanHeader {
  id: number;
  code: string;
  title: string;
  domain: Domain;
  stage: PlanStage;
  issuedOn: IsoDate | null;
  closedOn: IsoDate | null;
  leadGroup: { id: number; code: string; name: string } | null;
  leadDepartment: string | null;
}

export interface PlanItemRow {
  id: number;
  code: string;
  title: string;
  dueOn: IsoDate | null;
  status: Status;
  version: number;
}

/** Which plan: by its code (what people type) or its id (what buttons carry: bounded, unlike a code). */
export type PlanRef = { code: string } | { id: number };

export function findPlan(db: Db, code: string): PlanHeader | undefined {
  return findPlanBy(db, { code });
}

export function findPlanBy(db: Db, ref: PlanRef): PlanHeader | undefined {
  const row = db
    .select({
      plan: plans,
      group: { id: groups.id, code: groups.code, name: groups.name },
      department: departments.name,
    })
    .from(plans)
    .leftJoin(groups, eq(groups.id, plans.leadGroupId))
    .leftJoin(departments, eq(departments.id, plans.leadDepartmentId))
    .where('id' in ref ? eq(plans.id, ref.id) : eq(plans.code, ref.code))
    .get();
  if (!row) return undefined;
  const p = row.plan;
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    domain: p.domain as Domain,
    stage: p.stage as PlanStage,
    issuedOn: p.issuedOn,
    closedOn: p.closedOn,
    leadGroup: row.group?.id ? row.group : null,
    leadDepartment: row.department ?? null,
  };
}

export function planItems(db: Db, planId: number): PlanItemRow[] {
  const rows = db
    .select({
      id: items.id,
      code: items.code,
      title: items.title,
      dueOn: items.dueOn,
      status: items.status,
      version: items.version,
    })
    .from(items)
    .where(eq(items.planId, planId))
    .all() as PlanItemRow[];
  return rows.sort((a, b) => compareNatural(a.code, b.code));
}

/** Group code → name, for statistics rows that carry only the code. */
const allGroupNames = (db: Db) => db.select({ code: groups.code, name: groups.name }).from(groups).prepare();

export function groupNames(db: Db): Map<string, string> {
  return new Map(
    prepared(db, allGroupNames)
      .all()
      .map((g) => [g.code, g.name]),
  );
}
