// Writes a validated ledger: all or nothing, in ONE synchronous better-sqlite3 transaction.
// Upserts plans on code and items on (plan, item code); creates unknown groups (named by their
// code until the org file names them) and departments; records every item change in the
// append-only history; reports, never deletes, items the file no longer lists.
//
// Why raw prepared statements on db.$client instead of the drizzle builder: building a query
// object per row costs more than SQLite's insert itself; 250,000 items must land in seconds.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { Db } from '../db/client.ts';
import type { Ledger, LedgerRow } from '../ledger/validate.ts';
import { writeItems } from './ledgerItems.ts';
import { loadDepartments, loadGroups, loadItems, loadPlans } from './ledgerLoad.ts';

export { HISTORY_FIELDS, type HistoryField } from './ledgerItems.ts';

export interface LedgerImportOptions {
  /** The file's path or name; history rows say `import:<basename>`. */
  file: string;
  now: Date;
  /** Run everything, report what would change, then roll back. */
  dryRun?: boolean;
  /** Called now and then while items are written. */
  onProgress?: (done: number, total: number) => void;
}

export interface LedgerImportSummary {
  dryRun: boolean;
  plans: { created: string[]; updated: string[]; unchanged: number };
  /** `updated` lists `plan#item`. */
  items: { created: number; updated: string[]; unchanged: number; statusChanges: number };
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
  for (const row of rows) {
    if (!groups.has(row.leadGroup)) {
      groups.set(row.leadGroup, Number(insertGroup.run(row.leadGroup, row.leadGroup).lastInsertRowid));
      summary.newGroups.push(row.leadGroup);
    }
    for (const name of [row.leadDepartment, ...row.departments]) {
      if (departments.has(name)) continue;
      const id = Number(insertDepartment.run(name).lastInsertRowid);
      departments.set(name, id);
      departmentNames.set(id, name);
      summary.newDepartments.push(name);
    }
  }
  return { groups, departments, departmentNames };
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
  for (const row of ledger.rows) if (!firstRows.has(row.planCode)) firstRows.set(row.planCode, row);
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
    const departmentId = directory.departments.get(row.leadDepartment) ?? null;
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
      items: { created: 0, updated: [], unchanged: 0, statusChanges: 0 },
      historyRows: 0,
      newGroups: [],
      newDepartments: [],
      missingItems: [],
    };
    const directory = ensureDirectory(sqlite, ledger.rows, summary);
    const { planIds, existingIds } = upsertPlans(sqlite, ledger, directory, summary);
    const stored = loadItems(sqlite, existingIds);
    const written = writeItems(sqlite, {
      rows: ledger.rows,
      hasNote: ledger.hasNote,
      planIds,
      departmentIds: directory.departments,
      departmentNames: directory.departmentNames,
      stored,
      actor: `import:${basename(options.file)}`,
      at: options.now.toISOString(),
      onProgress: options.onProgress,
    });
    summary.items = {
      created: written.created,
      updated: written.updated,
      unchanged: written.unchanged,
      statusChanges: written.statusChanges,
    };
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
