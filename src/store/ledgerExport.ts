// Reads the ledger back out for export: plans in the order they were created, each with its
// items in the order they were created, which is the order of the ledger they came from; so
// a ledger exported, imported into a fresh database and exported again comes out identical.
import type { Db } from '../db/client.ts';
import type { Domain, IsoDate, PlanStage, Status } from '../domain/types.ts';

export interface ExportItem {
  code: string;
  title: string;
  departments: string[];
  /** 配合单位 */
  cooperatingDepartments: string[];
  dueOn: IsoDate | null;
  status: Status;
  note: string | null;
  /** The item's version when exported: an import of this file tells newer changes by it. */
  version: number;
}

export interface ExportPlan {
  code: string;
  title: string;
  domain: Domain;
  leadGroup: string | null;
  leadGroupName: string | null;
  leadDepartment: string | null;
  issuedOn: IsoDate | null;
  stage: PlanStage;
  items: ExportItem[];
}

/** Plan codes asked for that the database does not have. */
export function unknownPlanCodes(db: Db, codes: readonly string[]): string[] {
  const known = new Set((db.$client.prepare('SELECT code FROM plans').raw().all() as [string][]).map(([code]) => code));
  return codes.filter((code) => !known.has(code));
}

/** The whole ledger, or only the plans named in `planCodes`. */
export function loadLedgerForExport(db: Db, planCodes?: readonly string[]): ExportPlan[] {
  const only = planCodes ? new Set(planCodes) : undefined;
  const sqlite = db.$client;
  const plans = new Map<number, ExportPlan>();
  const planRows = sqlite
    .prepare(
      `SELECT p.id, p.code, p.title, p.domain, g.code, g.name, d.name, p.issued_on, p.stage
         FROM plans p LEFT JOIN groups g ON g.id = p.lead_group_id LEFT JOIN departments d ON d.id = p.lead_department_id
        ORDER BY p.id`,
    )
    .raw();
  for (const [
    id,
    code,
    title,
    domain,
    leadGroup,
    leadGroupName,
    leadDepartment,
    issuedOn,
    stage,
  ] of planRows.iterate() as Iterable<
    [number, string, string, Domain, string | null, string | null, string | null, IsoDate | null, PlanStage]
  >) {
    if (only && !only.has(code)) continue;
    plans.set(id, { code, title, domain, leadGroup, leadGroupName, leadDepartment, issuedOn, stage, items: [] });
  }
  const items = new Map<number, ExportItem>();
  const itemRows = sqlite
    .prepare('SELECT id, plan_id, code, title, due_on, status, note, version FROM items ORDER BY plan_id, id')
    .raw();
  for (const [id, planId, code, title, dueOn, status, note, version] of itemRows.iterate() as Iterable<
    [number, number, string, string, IsoDate | null, Status, string | null, number]
  >) {
    const plan = plans.get(planId);
    if (!plan) continue;
    const item: ExportItem = { code, title, departments: [], cooperatingDepartments: [], dueOn, status, note, version };
    plan.items.push(item);
    items.set(id, item);
  }
  const links = sqlite
    .prepare(
      'SELECT x.item_id, d.name FROM item_departments x JOIN departments d ON d.id = x.department_id ORDER BY x.item_id, x.position',
    )
    .raw();
  for (const [itemId, name] of links.iterate() as Iterable<[number, string]>) items.get(itemId)?.departments.push(name);
  const cooperating = sqlite
    .prepare(
      'SELECT x.item_id, d.name FROM item_cooperating_departments x JOIN departments d ON d.id = x.department_id ORDER BY x.item_id, x.position',
    )
    .raw();
  for (const [itemId, name] of cooperating.iterate() as Iterable<[number, string]>)
    items.get(itemId)?.cooperatingDepartments.push(name);
  return [...plans.values()];
}
