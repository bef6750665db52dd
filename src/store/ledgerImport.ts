// Writes a validated ledger: all or nothing, in ONE synchronous better-sqlite3 transaction,
// kept short: the bot shares the file and waits while an import holds the write lock
// (CLI_WRITE_LOCK_BUDGET_MS). Everything about the items (the bulk: 250,000 of them) is read and
// decided from a snapshot BEFORE the lock is taken (ledgerItems.ts); inside it, the few groups,
// departments and plans are upserted and the prepared rows written (ledgerItemsWrite.ts). An item
// Slack changed in between is decided again inside the lock; if another import or org file
// added items, plans, groups or departments in between, the snapshot is read again (and after
// a few tries, inside the lock, as before).
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
import type { Ledger, LedgerRow } from '../ledger/validate.ts';
import { type Prepared, prepare, snapshotMarks } from './ledgerImportPrepare.ts';
import { mergeItemPlan, planItems, withoutItems } from './ledgerItems.ts';
import { writeItemPlan } from './ledgerItemsWrite.ts';
import { loadDepartments, loadGroups, loadItemsById, loadPlans } from './ledgerLoad.ts';

export type { LedgerImportOptions, LedgerImportSummary } from './ledgerImportTypes.ts';

import type { LedgerImportOptions, LedgerImportSummary } from './ledgerImportTypes.ts';

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
function ensureDirectory(
  sqlite: Database.Database,
  rows: readonly LedgerRow[],
  summary: LedgerImportSummary,
): Directory {
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
    const departmentId =
      row.leadDepartment !== null
        ? (directory.departments.get(row.leadDepartment) ?? null)
        : (existing?.leadDepartmentId ?? null);
    const wanted = [row.planTitle, row.domain, groupId, departmentId, stage, issuedOn] as const;
    if (!existing) {
      planIds.set(code, Number(insertPlan.run(code, ...wanted).lastInsertRowid));
      summary.plans.created.push(code);
      continue;
    }
    planIds.set(code, existing.id);
    existingIds.add(existing.id);
    const have = [
      existing.title,
      existing.domain,
      existing.leadGroupId,
      existing.leadDepartmentId,
      existing.stage,
      existing.issuedOn,
    ];
    if (wanted.every((value, i) => value === have[i])) summary.plans.unchanged += 1;
    else {
      updatePlan.run(...wanted, existing.id);
      summary.plans.updated.push(code);
    }
  }
  return { planIds, existingIds };
}

function emptySummary(dryRun: boolean): LedgerImportSummary {
  return {
    dryRun,
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
}

/** The import read and decided the snapshot it prepared from; another writer added rows meanwhile. */
class SnapshotMoved extends Error {}

/** Inside the write lock: the directory and plans (a few thousand rows), then the prepared items. */
function write(
  sqlite: Database.Database,
  ledger: Ledger,
  options: LedgerImportOptions,
  summary: LedgerImportSummary,
  prepared: Prepared,
): LedgerImportSummary {
  if (snapshotMarks(sqlite) !== prepared.marks)
    throw new SnapshotMoved('rows were added since the import read the database');
  const directory = ensureDirectory(sqlite, ledger.rows, summary);
  const { planIds } = upsertPlans(sqlite, ledger, directory, summary);
  const ctx = {
    planIds,
    departmentIds: directory.departments,
    actor: `import:${basename(options.file)}`,
    at: options.now.toISOString(),
    onProgress: options.onProgress,
  };
  const items = prepared.items;
  const written = writeItemPlan(sqlite, items, ctx);
  let historyRows = written.historyRows;
  if (written.stale.length > 0) {
    // Changed in Slack after the snapshot: decide these again from what they are now.
    withoutItems(items, new Set(written.stale.map((u) => u.label)));
    const fresh = loadItemsById(
      sqlite,
      written.stale.map((u) => u.item.id),
    );
    const again = planItems({ ...prepared.planInput, rows: written.stale.map((u) => u.row), stored: fresh });
    again.seen.clear();
    historyRows += writeItemPlan(sqlite, again, ctx).historyRows;
    mergeItemPlan(items, again);
  }
  summary.items = {
    created: items.created.length,
    updated: items.updated,
    unchanged: items.unchanged,
    statusChanges: items.statusChanges,
  };
  summary.newItems = items.created
    .slice(0, options.newItemsListed ?? items.created.length)
    .map((row) => ({ key: `${row.planCode}#${row.itemCode}`, title: row.itemTitle }));
  summary.changes = items.changes;
  summary.conflicts = items.conflicts;
  summary.historyRows = historyRows;
  const planCodes = new Map([...planIds].map(([code, id]) => [id, code]));
  for (const [key, item] of prepared.stored) {
    if (!items.seen.has(key)) summary.missingItems.push(`${planCodes.get(item.planId)}#${item.code}`);
  }
  return summary;
}

/** Reads of the snapshot before the import prepares inside the lock instead (others kept adding rows). */
const SNAPSHOT_TRIES = 3;

export function importLedger(db: Db, ledger: Ledger, options: LedgerImportOptions): LedgerImportSummary {
  const sqlite = db.$client;
  // The codes a try gives the rows the file left without (resolvePlanCodes, resolveItemCodes)
  // are taken back before the next try: they depend on the snapshot.
  const noPlanCode = ledger.rows.filter((row) => row.planCode === null);
  const noItemCode = ledger.rows.filter((row) => row.itemCode === null);
  for (let attempt = 1; ; attempt += 1) {
    const insideLock = attempt > SNAPSHOT_TRIES;
    for (const row of noPlanCode) row.planCode = null;
    for (const row of noItemCode) row.itemCode = null;
    const summary = emptySummary(Boolean(options.dryRun));
    const prepared = insideLock ? undefined : prepare(sqlite, ledger, options, summary);
    options.beforeWriteLock?.();
    let lockedAt = 0;
    let cpuAt = process.cpuUsage();
    const transaction = sqlite.transaction(() => {
      lockedAt = performance.now();
      cpuAt = process.cpuUsage();
      const result = write(sqlite, ledger, options, summary, prepared ?? prepare(sqlite, ledger, options, summary));
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
    try {
      // IMMEDIATE: take the write lock up front, so a concurrent writer waits (busy_timeout)
      // instead of failing this import halfway, and item ids can be assigned safely.
      const summaryWritten = transaction.immediate();
      const cpu = process.cpuUsage(cpuAt);
      options.onWriteLock?.({ wallMs: performance.now() - lockedAt, cpuMs: (cpu.user + cpu.system) / 1000 });
      return summaryWritten;
    } catch (error) {
      if (error instanceof DryRunRollback) return error.summary;
      if (error instanceof SnapshotMoved && !insideLock) continue;
      throw error;
    }
  }
}
