// The half of a ledger import that needs no write lock: read the database once (one read
// transaction, one consistent snapshot), give the rows the file left without codes their codes,
// and decide every item (ledgerItems.ts). ledgerImport.ts then writes within the lock.
import type Database from 'better-sqlite3';
import { assignItemCodes, assignPlanCodes } from '../ledger/identity.ts';
import type { Ledger, LedgerRow } from '../ledger/validate.ts';
import type { LedgerImportOptions, LedgerImportSummary } from './ledgerImportTypes.ts';
import { type HistoryField, type ItemPlan, planItems } from './ledgerItems.ts';
import { loadDepartments, loadItems, loadPlans, type StoredItem } from './ledgerLoad.ts';

/** Gives every row its plan's code: the file's, or the stable one its title has. */
function resolvePlanCodes(sqlite: Database.Database, rows: readonly LedgerRow[], summary: LedgerImportSummary): void {
  const titles = [...new Set(rows.filter((r) => r.planCode === null).map((r) => r.planTitle))];
  if (titles.length === 0) return;
  const existing = [...loadPlans(sqlite).values()].sort((a, b) => a.id - b.id);
  const known = new Set(existing.map((p) => p.title));
  const codes = assignPlanCodes(titles, existing);
  for (const title of titles)
    summary.planCodes.push({ code: codes.get(title) as string, title, created: !known.has(title) });
  for (const row of rows) if (row.planCode === null) row.planCode = codes.get(row.planTitle) as string;
}

/** Gives every row its item code: the file's, or the stable one its title has in its plan. */
function resolveItemCodes(
  rows: readonly LedgerRow[],
  planIds: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, StoredItem>,
): void {
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
    planRows.forEach((row, i) => {
      row.itemCode = codes[i] as string;
    });
  }
}

/** What other writers change only by adding rows the import's decisions depend on (ids, codes). */
export function snapshotMarks(sqlite: Database.Database): string {
  const row = sqlite
    .prepare(
      `SELECT (SELECT max(id) FROM groups) AS g, (SELECT max(id) FROM departments) AS d, (SELECT count(*) FROM departments) AS dc,
              (SELECT max(id) FROM plans) AS p, (SELECT max(id) FROM items) AS i,
              (SELECT group_concat(name || ':' || seq) FROM sqlite_sequence WHERE name IN ('groups', 'departments', 'plans', 'items')) AS s`,
    )
    .get();
  return JSON.stringify(row);
}

export interface Prepared {
  marks: string;
  /** Known plans of the file by code (new plans have no stored items). */
  storedPlanIds: Map<string, number>;
  stored: Map<string, StoredItem>;
  items: ItemPlan;
  planInput: Omit<Parameters<typeof planItems>[0], 'rows' | 'stored'>;
}

/**
 * Reads what the file is compared with and decides every item, in one read transaction (one
 * consistent snapshot) that does not hold the write lock. Plan codes the file leaves out are
 * given here too (`summary.planCodes`).
 */
export function prepare(
  sqlite: Database.Database,
  ledger: Ledger,
  options: LedgerImportOptions,
  summary: LedgerImportSummary,
): Prepared {
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    const marks = snapshotMarks(sqlite);
    resolvePlanCodes(sqlite, ledger.rows, summary);
    const plans = loadPlans(sqlite);
    const storedPlanIds = new Map<string, number>();
    for (const row of ledger.rows) {
      const plan = plans.get(row.planCode as string);
      if (plan) storedPlanIds.set(plan.code, plan.id);
    }
    const stored = loadItems(sqlite, new Set(storedPlanIds.values()));
    resolveItemCodes(ledger.rows, storedPlanIds, stored);
    const departmentNames = new Map([...loadDepartments(sqlite)].map(([name, id]) => [id, name]));
    const lastChange = sqlite.prepare(
      "SELECT actor, at FROM item_history WHERE item_id = ? AND field = ? AND source != 'import' ORDER BY id DESC LIMIT 1",
    );
    const planInput = {
      hasNote: ledger.hasNote,
      hasCooperating: ledger.hasCooperating,
      planIds: storedPlanIds,
      departmentNames,
      overwrite: Boolean(options.overwrite),
      lastChange: (itemId: number, field: HistoryField) =>
        lastChange.get(itemId, field) as { actor: string; at: string } | undefined,
    };
    const items = planItems({ ...planInput, rows: ledger.rows, stored });
    return { marks, storedPlanIds, stored, items, planInput };
  } finally {
    if (own) sqlite.exec('COMMIT');
  }
}
