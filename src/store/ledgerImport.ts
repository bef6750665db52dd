// Writes a validated ledger: all or nothing, in ONE synchronous better-sqlite3 transaction.
// Gives plans and items kept without codes their stable codes (ledger/identity.ts), upserts
// plans on code and items on (plan, item code); creates unknown groups (named by their code
// until the org file names them) and departments; records every item change in the
// append-only history; reports, never deletes, items the file no longer lists; keeps, and
// reports, what Slack changed since the file last agreed with it (store/ledgerItems.ts).
//
// Why raw prepared statements on db.$client instead of the drizzle builder: building a query
// object per row costs more than SQLite's insert itself; 250,000 items must land in seconds.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { Db } from '../db/client.ts';
import { assignItemCodes, assignPlanCodes } from '../ledger/identity.ts';
import type { Ledger, LedgerRow } from '../ledger/validate.ts';
import { type ItemChange, type ItemConflict, writeItems } from './ledgerItems.ts';
import { loadDepartments, loadGroups, loadItems, loadPlans, type StoredItem } from './ledgerLoad.ts';

export { HISTORY_FIELDS, type HistoryField } from './ledgerItems.ts';

export interface LedgerImportOptions {
  /** The file's path or name; history rows say `import:<basename>`. */
  file: string;
  now: Date;
  /** Run everything, report what would change, then roll back. */
  dryRun?: boolean;
  /** Take the file's values even where the item changed outside the file since. */
  overwrite?: boolean;
  /** Called now and then while items are written. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many new items `newItems` lists (all by default). A terminal shows a few; building
   * 250,000 entries it will not print costs memory at the import's peak.
   */
  newItemsListed?: number;
}

export interface LedgerImportSummary {
  dryRun: boolean;
  plans: { created: string[]; updated: string[]; unchanged: number };
  /** Plans known by title: the code each was given (new) or kept (known). */
  planCodes: { code: string; title: string; created: boolean }[];
  /** `updated` lists `plan#item`. */
  items: { created: number; updated: string[]; unchanged: number; statusChanges: number };
  /** The first `newItemsListed` new items; `items.created` counts them all. */
  newItems: { key: string; title: string }[];
  changes: ItemChange[];
  conflicts: ItemConflict[];
  historyRows: number;
  newGroups: string[];
  newDepartments: string[];
  /** `plan#item` of items of the imported plans that the file does not list; they are kept. */
  missingItems: string[];
}

class DryRunRollback extends Error {
  constructor(readonly summary: LedgerImportSummary) {
    super('dry run: rolled back');
  }
}

interface Directory {
  groups: Map<string, number>;
  departments: Map<string, number>;
  departmentNames: Map<number, string>;
}

/** Creates the groups and departments the file names that the database does not know yet. */
function ensureDirectory(sqlite: Database.Database, rows: readonly LedgerRow[], summary: LedgerImportSummary): Directory {
  const insertGroup = sqlite.prepare('INSERT INTO groups (code, name) VALUES (?, ?)');
  const insertDepartment = sqlite.prepare('INSERT INTO departments (name) VALUES (?)');
  const groups = loadGroups(sqlite);
  const departments = loadDepartments(sqlite);
  const departmentNames = new Map([...departments].map(([name, id]) => [id, name]));
  const ensureDepartment = (name: string) => {
    if (departments.has(name)) return;
    const id = Number(insertDepartment.run(name).lastInsertRowid);
    departments.set(name, id);
    departmentNames.set(id, name);
    summary.newDepartments.push(name);
  };
  for (const row of rows) {
    if (!groups.has(row.leadGroup)) {
      groups.set(row.leadGroup, Number(insertGroup.run(row.leadGroup, row.leadGroup).lastInsertRowid));
      summary.newGroups.push(row.leadGroup);
    }
    if (row.leadDepartment !== null) ensureDepartment(row.leadDepartment);
    for (const name of row.departments) ensureDepartment(name);
    for (const name of row.cooperating) ensureDepartment(name);
  }
  return { groups, departments, departmentNames };
}

/** Gives every row its plan's code: the file's, or the stable one its title has. */
function resolvePlanCodes(sqlite: Database.Database, rows: readonly LedgerRow[], summary: LedgerImportSummary): void {
  const titles = [...new Set(rows.filter((r) => r.planCode === null).map((r) => r.planTitle))];
  if (titles.length === 0) return;
  const existing = [...loadPlans(sqlite).values()].sort((a, b) => a.id - b.id);
  const known = new Set(existing.map((p) => p.title));
  const codes = assignPlanCodes(titles, existing);
  for (const title of titles) summary.planCodes.push({ code: codes.get(title) as string, title, created: !known.has(title) });
  for (const row of rows) if (row.planCode === null) row.planCode = codes.get(row.planTitle) as string;
}

/** Gives every row its item code: the file's, or the stable one its title has in its plan. */
function resolveItemCodes(rows: readonly LedgerRow[], planIds: ReadonlyMap<string, number>, stored: ReadonlyMap<string, StoredItem>): void {
  const byPlan = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    if (row.itemCode !== null) continue;
    const list = byPlan.get(row.planCode as string);
    if (list) list.push(row);
    else byPlan.set(row.planCode as string, [row]);
  }
  if (byPlan.size === 0) return;
  const storedByPlan = new Map<number, { code: string; title: string }[]>();
  for (const item of stored.values()) {
    const list = storedByPlan.get(item.planId);
    if (list) list.push(item);
    else storedByPlan.set(item.planId, [item]);
  }
  for (const [plan, planRows] of byPlan) {
    const codes = assignItemCodes(
      planRows.map((r) => ({ title: r.itemTitle, number: r.itemNumber })),
      storedByPlan.get(planIds.get(plan) as number) ?? [],
    );
    planRows.forEach((row, i) => (row.itemCode = codes[i] as string));
  }
}

/** Upserts the file's plans; returns each plan's id and the ids of those that existed before. */
function upsertPlans(sqlite: Database.Database, ledger: Ledger, directory: Directory, summary: LedgerImportSummary) {
  const insertPlan = sqlite.prepare(
    `INSERT INTO plans (code, title, domain, lead_group_id, lead_department_id, stage, issued_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updatePlan = sqlite.prepare(
    'UPDATE plans SET title = ?, domain = ?, lead_group_id = ?, lead_department_id = ?, stage = ?, issued_on = ? WHERE id = ?',
  );
  const firstRows = new Map<string, LedgerRow>(); // plan-level columns agree on every row (validated)
  for (const row of ledger.rows) if (!firstRows.has(row.planCode as string)) firstRows.set(row.planCode as string, row);
  const stored = loadPlans(sqlite);
  const planIds = new Map<string, number>();
  const existingIds = new Set<number>();
  for (const [code, row] of firstRows) {
    const existing = stored.get(code);
    const issuedOn = ledger.hasIssuedOn ? row.issuedOn : (existing?.issuedOn ?? null);
    // A closed-out plan stays closed (销账 is the office's decision); otherwise the issue date
    // decides: a plan in the ledger has been approved, and issued once it has an issue date.
    const stage = existing?.stage === 'closed' ? 'closed' : issuedOn ? 'issued' : 'approved';
    const groupId = directory.groups.get(row.leadGroup) ?? null;
    // A ledger without 牵头单位 (or a plan whose cell is empty) leaves the plan's as it is.
    const departmentId = row.leadDepartment !== null ? (directory.departments.get(row.leadDepartment) ?? null) : (existing?.leadDepartmentId ?? null);
    const wanted = [row.planTitle, row.domain, groupId, departmentId, stage, issuedOn] as const;
    if (!existing) {
      planIds.set(code, Number(insertPlan.run(code, ...wanted).lastInsertRowid));
      summary.plans.created.push(code);
      continue;
    }
    planIds.set(code, existing.id);
    existingIds.add(existing.id);
    const have = [existing.title, existing.domain, existing.leadGroupId, existing.leadDepartmentId, existing.stage, existing.issuedOn];
    if (wanted.every((value, i) => value === have[i])) summary.plans.unchanged += 1;
    else {
      updatePlan.run(...wanted, existing.id);
      summary.plans.updated.push(code);
    }
  }
  return { planIds, existingIds };
}

export function importLedger(db: Db, ledger: Ledger, options: LedgerImportOptions): LedgerImportSummary {
  const sqlite = db.$client;
  const apply = (): LedgerImportSummary => {
    const summary: LedgerImportSummary = {
      dryRun: Boolean(options.dryRun),
      plans: { created: [], updated: [], unchanged: 0 },
      planCodes: [],
      items: { created: 0, updated: [], unchanged: 0, statusChanges: 0 },
      newItems: [],
      changes: [],
      conflicts: [],
      historyRows: 0,
      newGroups: [],
      newDepartments: [],
      missingItems: [],
    };
    resolvePlanCodes(sqlite, ledger.rows, summary);
    const directory = ensureDirectory(sqlite, ledger.rows, summary);
    const { planIds, existingIds } = upsertPlans(sqlite, ledger, directory, summary);
    const stored = loadItems(sqlite, existingIds);
    resolveItemCodes(ledger.rows, planIds, stored);
    const written = writeItems(sqlite, {
      rows: ledger.rows,
      hasNote: ledger.hasNote,
      hasCooperating: ledger.hasCooperating,
      planIds,
      departmentIds: directory.departments,
      departmentNames: directory.departmentNames,
      stored,
      overwrite: Boolean(options.overwrite),
      actor: `import:${basename(options.file)}`,
      at: options.now.toISOString(),
      onProgress: options.onProgress,
    });
    summary.items = {
      created: written.created.length,
      updated: written.updated,
      unchanged: written.unchanged,
      statusChanges: written.statusChanges,
    };
    summary.newItems = written.created
      .slice(0, options.newItemsListed ?? written.created.length)
      .map((row) => ({ key: `${row.planCode}#${row.itemCode}`, title: row.itemTitle }));
    summary.changes = written.changes;
    summary.conflicts = written.conflicts;
    summary.historyRows = written.historyRows;
    const planCodes = new Map([...planIds].map(([code, id]) => [id, code]));
    for (const [key, item] of stored) {
      if (!written.seen.has(key)) summary.missingItems.push(`${planCodes.get(item.planId)}#${item.code}`);
    }
    return summary;
  };

  const transaction = sqlite.transaction(() => {
    const summary = apply();
    if (options.dryRun) throw new DryRunRollback(summary);
    return summary;
  });
  try {
    // IMMEDIATE: take the write lock up front, so a concurrent writer waits (busy_timeout)
    // instead of failing this import halfway, and item ids can be assigned safely.
    return transaction.immediate();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

