// Writes a validated ledger: all or nothing, in ONE synchronous better-sqlite3 transaction.
// Upserts plans on code and items on (plan, item code); creates unknown groups (named by their
// code until the org file names them) and departments; records every item change in the
// append-only history; reports, never deletes, items the file no longer lists.
//
// Why raw prepared statements on db.$client instead of the drizzle builder: building a query
// object per row costs more than SQLite's insert itself; 250,000 items must land in seconds.
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import type { Ledger, LedgerRow } from '../ledger/validate.ts';
import { itemKey, loadDepartments, loadGroups, loadItems, loadPlans, type StoredItem } from './ledgerLoad.ts';

/** Names of the item fields the history records; shared with Slack and CLI updates. */
export const HISTORY_FIELDS = ['status', 'title', 'due_on', 'departments', 'note'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export interface LedgerImportOptions {
  /** The file's path or name; history rows say `import:<basename>`. */
  file: string;
  now: Date;
  /** Run everything, report what would change, then roll back. */
  dryRun?: boolean;
  /** Called every PROGRESS_EVERY rows while writing. */
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

export const PROGRESS_EVERY = 5000;

/** How a list of departments reads in the history (the ledger's own separator). */
const joinNames = (names: readonly string[]) => names.join('、');

class DryRunRollback extends Error {
  constructor(readonly summary: LedgerImportSummary) {
    super('dry run: rolled back');
  }
}

export function importLedger(db: Db, ledger: Ledger, options: LedgerImportOptions): LedgerImportSummary {
  const sqlite = db.$client;
  const actor = `import:${basename(options.file)}`;
  const at = options.now.toISOString();
  const stmt = {
    insertGroup: sqlite.prepare('INSERT INTO groups (code, name) VALUES (?, ?)'),
    insertDepartment: sqlite.prepare('INSERT INTO departments (name) VALUES (?)'),
    insertPlan: sqlite.prepare(
      `INSERT INTO plans (code, title, domain, lead_group_id, lead_department_id, stage, issued_on)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    updatePlan: sqlite.prepare(
      'UPDATE plans SET title = ?, domain = ?, lead_group_id = ?, lead_department_id = ?, stage = ?, issued_on = ? WHERE id = ?',
    ),
    insertItem: sqlite.prepare('INSERT INTO items (plan_id, code, title, due_on, status, note) VALUES (?, ?, ?, ?, ?, ?)'),
    updateItem: sqlite.prepare('UPDATE items SET title = ?, due_on = ?, status = ?, note = ?, version = version + 1 WHERE id = ?'),
    deleteLinks: sqlite.prepare('DELETE FROM item_departments WHERE item_id = ?'),
    insertLink: sqlite.prepare('INSERT INTO item_departments (item_id, department_id, position) VALUES (?, ?, ?)'),
    insertHistory: sqlite.prepare(
      `INSERT INTO item_history (item_id, field, from_value, to_value, note, actor, source, at)
       VALUES (?, ?, ?, ?, ?, ?, 'import', ?)`,
    ),
  };

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
    const history = (itemId: number, field: HistoryField, from: string | null, to: string | null, note: string | null) => {
      stmt.insertHistory.run(itemId, field, from, to, note, actor, at);
      summary.historyRows += 1;
    };

    // Groups and departments first: plans and items point at them.
    const groups = loadGroups(sqlite);
    const departments = loadDepartments(sqlite);
    const departmentNames = new Map<number, string>([...departments].map(([name, id]) => [id, name]));
    const plansInFile = new Map<string, LedgerRow>(); // first row of each plan, in file order
    for (const row of ledger.rows) {
      if (!plansInFile.has(row.planCode)) plansInFile.set(row.planCode, row);
      if (!groups.has(row.leadGroup)) {
        groups.set(row.leadGroup, Number(stmt.insertGroup.run(row.leadGroup, row.leadGroup).lastInsertRowid));
        summary.newGroups.push(row.leadGroup);
      }
      for (const name of [row.leadDepartment, ...row.departments]) {
        if (departments.has(name)) continue;
        const id = Number(stmt.insertDepartment.run(name).lastInsertRowid);
        departments.set(name, id);
        departmentNames.set(id, name);
        summary.newDepartments.push(name);
      }
    }

    const stored = loadPlans(sqlite);
    const planIds = new Map<string, number>();
    const existingPlanIds = new Set<number>();
    for (const [code, row] of plansInFile) {
      const existing = stored.get(code);
      const issuedOn = ledger.hasIssuedOn ? row.issuedOn : (existing?.issuedOn ?? null);
      // A closed-out plan stays closed; otherwise the issue date decides the stage.
      const stage = existing?.stage === 'closed' ? 'closed' : issuedOn ? 'issued' : 'approved';
      const wanted = [row.planTitle, row.domain, groups.get(row.leadGroup) ?? null, departments.get(row.leadDepartment) ?? null, stage, issuedOn] as const;
      if (!existing) {
        planIds.set(code, Number(stmt.insertPlan.run(code, ...wanted).lastInsertRowid));
        summary.plans.created.push(code);
        continue;
      }
      planIds.set(code, existing.id);
      existingPlanIds.add(existing.id);
      const have = [existing.title, existing.domain, existing.leadGroupId, existing.leadDepartmentId, existing.stage, existing.issuedOn];
      if (wanted.every((value, i) => value === have[i])) summary.plans.unchanged += 1;
      else {
        stmt.updatePlan.run(...wanted, existing.id);
        summary.plans.updated.push(code);
      }
    }

    const items = loadItems(sqlite, existingPlanIds);
    const seen = new Set<string>();
    const linkDepartments = (itemId: number, names: readonly string[]) => {
      names.forEach((name, position) => stmt.insertLink.run(itemId, departments.get(name), position));
    };
    ledger.rows.forEach((row, index) => {
      if (options.onProgress && index % PROGRESS_EVERY === 0) options.onProgress(index, ledger.rows.length);
      const planId = planIds.get(row.planCode) as number;
      const key = itemKey(planId, row.itemCode);
      seen.add(key);
      const item = items.get(key);
      if (!item) {
        const note = ledger.hasNote ? row.note : null;
        const id = Number(stmt.insertItem.run(planId, row.itemCode, row.itemTitle, row.dueOn, row.status, note).lastInsertRowid);
        linkDepartments(id, row.departments);
        history(id, 'status', null, row.status, note);
        summary.items.created += 1;
        return;
      }
      if (updateItem(item, row)) summary.items.updated.push(`${row.planCode}#${row.itemCode}`);
      else summary.items.unchanged += 1;
    });
    options.onProgress?.(ledger.rows.length, ledger.rows.length);

    function updateItem(item: StoredItem, row: LedgerRow): boolean {
      const haveNames = item.departmentIds.map((id) => departmentNames.get(id) ?? '');
      const note = ledger.hasNote ? row.note : item.note;
      const changes: [HistoryField, string | null, string | null][] = [];
      if (item.status !== row.status) changes.push(['status', item.status, row.status]);
      if (item.title !== row.itemTitle) changes.push(['title', item.title, row.itemTitle]);
      if (item.dueOn !== row.dueOn) changes.push(['due_on', item.dueOn, row.dueOn]);
      if (joinNames(haveNames) !== joinNames(row.departments)) changes.push(['departments', joinNames(haveNames), joinNames(row.departments)]);
      if (item.note !== note) changes.push(['note', item.note, note]);
      if (changes.length === 0) return false;
      stmt.updateItem.run(row.itemTitle, row.dueOn, row.status, note, item.id);
      if (changes.some(([field]) => field === 'departments')) {
        stmt.deleteLinks.run(item.id);
        linkDepartments(item.id, row.departments);
      }
      for (const [field, from, to] of changes) history(item.id, field, from, to, field === 'status' ? row.note : null);
      if (item.status !== row.status) summary.items.statusChanges += 1;
      return true;
    }

    const planCodes = new Map([...planIds].map(([code, id]) => [id, code]));
    for (const [key, item] of items) {
      if (!seen.has(key)) summary.missingItems.push(`${planCodes.get(item.planId)}#${item.code}`);
    }
    return summary;
  };

  const transaction = sqlite.transaction(() => {
    const summary = apply();
    if (options.dryRun) throw new DryRunRollback(summary);
    return summary;
  });
  try {
    return transaction();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}
