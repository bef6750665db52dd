// The item half of a ledger import: insert new items, apply changes to known ones, and write
// one history row per changed field. Runs inside the import's transaction.
import type Database from 'better-sqlite3';
import type { LedgerRow } from '../ledger/validate.ts';
import { BatchInsert } from './batchInsert.ts';
import { itemKey, type StoredItem } from './ledgerLoad.ts';

/** Names of the item fields the history records; Slack and CLI updates use the same names. */
export const HISTORY_FIELDS = ['status', 'title', 'due_on', 'departments', 'note'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** How a list of departments reads in the history: the ledger's own separator. */
export const joinDepartmentNames = (names: readonly string[]) => names.join('、');

export interface ItemWriteInput {
  rows: readonly LedgerRow[];
  /** Whether the file has a note column; without one, notes are left as they are. */
  hasNote: boolean;
  planIds: ReadonlyMap<string, number>;
  departmentIds: ReadonlyMap<string, number>;
  departmentNames: ReadonlyMap<number, string>;
  /** Items of the file's plans already in the database, by itemKey. */
  stored: ReadonlyMap<string, StoredItem>;
  actor: string;
  at: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ItemWriteResult {
  created: number;
  updated: string[];
  unchanged: number;
  statusChanges: number;
  historyRows: number;
  /** Keys of the stored items the file lists. */
  seen: Set<string>;
}

export const PROGRESS_EVERY = 5000;

export function writeItems(sqlite: Database.Database, input: ItemWriteInput): ItemWriteResult {
  const result: ItemWriteResult = { created: 0, updated: [], unchanged: 0, statusChanges: 0, historyRows: 0, seen: new Set() };
  // Ids are given, not left to AUTOINCREMENT, so new items can go in multi-row statements and
  // still be referenced by their departments and history. Safe: the import's transaction is
  // IMMEDIATE, so no other writer can take an id in between; the sqlite_sequence term keeps
  // AUTOINCREMENT's promise never to reuse the id of a deleted item.
  const { next } = sqlite
    .prepare("SELECT max(coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'items'), 0)) + 1 AS next")
    .get() as { next: number };
  let nextId = next;
  const items = new BatchInsert(sqlite, 'INSERT INTO items (id, plan_id, code, title, due_on, status, note) VALUES', '(?, ?, ?, ?, ?, ?, ?)');
  const links = new BatchInsert(sqlite, 'INSERT INTO item_departments (item_id, department_id, position) VALUES', '(?, ?, ?)', [items]);
  const history = new BatchInsert(
    sqlite,
    'INSERT INTO item_history (item_id, field, from_value, to_value, note, actor, source, at) VALUES',
    "(?, ?, ?, ?, ?, ?, 'import', ?)",
    [items],
  );
  const updateItem = sqlite.prepare('UPDATE items SET title = ?, due_on = ?, status = ?, note = ?, version = version + 1 WHERE id = ?');
  const deleteLinks = sqlite.prepare('DELETE FROM item_departments WHERE item_id = ?');

  const record = (itemId: number, field: HistoryField, from: string | null, to: string | null, note: string | null) => {
    history.add(itemId, field, from, to, note, input.actor, input.at);
    result.historyRows += 1;
  };
  const link = (itemId: number, names: readonly string[]) => {
    names.forEach((name, position) => links.add(itemId, input.departmentIds.get(name), position));
  };

  const update = (item: StoredItem, row: LedgerRow): boolean => {
    const haveNames = joinDepartmentNames(item.departmentIds.map((id) => input.departmentNames.get(id) ?? ''));
    const wantNames = joinDepartmentNames(row.departments);
    const note = input.hasNote ? row.note : item.note;
    const changes: [HistoryField, string | null, string | null][] = [];
    if (item.status !== row.status) changes.push(['status', item.status, row.status]);
    if (item.title !== row.itemTitle) changes.push(['title', item.title, row.itemTitle]);
    if (item.dueOn !== row.dueOn) changes.push(['due_on', item.dueOn, row.dueOn]);
    if (haveNames !== wantNames) changes.push(['departments', haveNames, wantNames]);
    if (item.note !== note) changes.push(['note', item.note, note]);
    if (changes.length === 0) return false;
    updateItem.run(row.itemTitle, row.dueOn, row.status, note, item.id);
    if (haveNames !== wantNames) {
      deleteLinks.run(item.id);
      link(item.id, row.departments);
    }
    // The row's note is the evidence for a status change.
    for (const [field, from, to] of changes) record(item.id, field, from, to, field === 'status' ? row.note : null);
    if (item.status !== row.status) result.statusChanges += 1;
    return true;
  };

  const total = input.rows.length;
  input.rows.forEach((row, index) => {
    if (input.onProgress && index % PROGRESS_EVERY === 0) input.onProgress(index, total);
    const planId = input.planIds.get(row.planCode) as number;
    const key = itemKey(planId, row.itemCode);
    const item = input.stored.get(key);
    if (item) {
      result.seen.add(key);
      if (update(item, row)) result.updated.push(`${row.planCode}#${row.itemCode}`);
      else result.unchanged += 1;
      return;
    }
    const id = nextId++;
    const note = input.hasNote ? row.note : null;
    items.add(id, planId, row.itemCode, row.itemTitle, row.dueOn, row.status, note);
    link(id, row.departments);
    record(id, 'status', null, row.status, note);
    result.created += 1;
  });
  items.flush();
  links.flush();
  history.flush();
  input.onProgress?.(total, total);
  return result;
}
