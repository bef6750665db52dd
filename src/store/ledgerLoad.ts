// What the import compares the file against: the database's groups, departments, plans and
// the items of the plans the file names, read in a handful of whole-table queries (one query
// per table beats 250,000 point lookups by two orders of magnitude).
import type Database from 'better-sqlite3';

export interface StoredPlan {
  id: number;
  code: string;
  title: string;
  domain: string;
  leadGroupId: number | null;
  leadDepartmentId: number | null;
  stage: string;
  issuedOn: string | null;
}

export interface StoredItem {
  id: number;
  planId: number;
  code: string;
  title: string;
  dueOn: string | null;
  status: string;
  note: string | null;
  version: number;
  /** The version the ledger file last agreed with; null when unknown. */
  syncedVersion: number | null;
  /** Department ids in position order. */
  departmentIds: number[];
  /** 配合单位 ids in position order. */
  cooperatingIds: number[];
}

export function loadGroups(sqlite: Database.Database): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of sqlite.prepare('SELECT id, code FROM groups').iterate() as Iterable<{ id: number; code: string }>) {
    map.set(row.code, row.id);
  }
  return map;
}

export function loadDepartments(sqlite: Database.Database): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of sqlite.prepare('SELECT id, name FROM departments').iterate() as Iterable<{
    id: number;
    name: string;
  }>) {
    map.set(row.name, row.id);
  }
  return map;
}

export function loadPlans(sqlite: Database.Database): Map<string, StoredPlan> {
  const rows = sqlite
    .prepare(
      `SELECT id, code, title, domain, lead_group_id AS leadGroupId, lead_department_id AS leadDepartmentId,
              stage, issued_on AS issuedOn FROM plans`,
    )
    .all() as StoredPlan[];
  return new Map(rows.map((p) => [p.code, p]));
}

export const itemKey = (planId: number, code: string) => `${planId}\u0000${code}`;

/** The columns both item loaders read, as raw rows (ItemRow) in this order. */
const ITEM_COLUMNS = 'id, plan_id, code, title, due_on, status, note, version, synced_version';
type ItemRow = [number, number, string, string, string | null, string, string | null, number, number | null];

function storedItem(row: ItemRow, departmentIds: number[], cooperatingIds: number[]): StoredItem {
  const [id, planId, code, title, dueOn, status, note, version, syncedVersion] = row;
  return { id, planId, code, title, dueOn, status, note, version, syncedVersion, departmentIds, cooperatingIds };
}

/** Items of the given plans keyed by itemKey, in id order (the order they were first imported). */
export function loadItems(sqlite: Database.Database, planIds: ReadonlySet<number>): Map<string, StoredItem> {
  const items = new Map<string, StoredItem>();
  if (planIds.size === 0) return items;
  const byId = new Map<number, StoredItem>();
  // Raw rows (arrays) skip building an object per row: this reads every item of a big ledger.
  const select = sqlite.prepare(`SELECT ${ITEM_COLUMNS} FROM items ORDER BY id`).raw();
  for (const row of select.iterate() as Iterable<ItemRow>) {
    if (!planIds.has(row[1])) continue;
    const item = storedItem(row, [], []);
    items.set(itemKey(item.planId, item.code), item);
    byId.set(item.id, item);
  }
  const links = sqlite.prepare('SELECT item_id, department_id FROM item_departments ORDER BY item_id, position').raw();
  for (const [itemId, departmentId] of links.iterate() as Iterable<[number, number]>) {
    byId.get(itemId)?.departmentIds.push(departmentId);
  }
  const cooperating = sqlite
    .prepare('SELECT item_id, department_id FROM item_cooperating_departments ORDER BY item_id, position')
    .raw();
  for (const [itemId, departmentId] of cooperating.iterate() as Iterable<[number, number]>) {
    byId.get(itemId)?.cooperatingIds.push(departmentId);
  }
  return items;
}

/** The given items as they are now, keyed by itemKey (the few an import decides again in its lock). */
export function loadItemsById(sqlite: Database.Database, ids: readonly number[]): Map<string, StoredItem> {
  const items = new Map<string, StoredItem>();
  const select = sqlite.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`).raw();
  const links = sqlite
    .prepare('SELECT department_id FROM item_departments WHERE item_id = ? ORDER BY position')
    .pluck();
  const cooperating = sqlite
    .prepare('SELECT department_id FROM item_cooperating_departments WHERE item_id = ? ORDER BY position')
    .pluck();
  for (const wanted of ids) {
    const row = select.get(wanted) as ItemRow | undefined;
    if (!row) continue;
    const item = storedItem(row, links.all(wanted) as number[], cooperating.all(wanted) as number[]);
    items.set(itemKey(item.planId, item.code), item);
  }
  return items;
}
