// The item half of a ledger import: insert new items, apply changes to known ones, and write
// one history row per changed field. Runs inside the import's transaction.
//
// Never revert silently: an item changed outside the file (in Slack, by the CLI) since the file
// last agreed with it — its version is past the file's `rev` (an export says which version it
// showed) or past the version the last import left it at — keeps its current values; each field
// where the file differs is reported as a conflict, with who changed it and when. `overwrite`
// takes the file's values anyway, and still reports them.
import type Database from 'better-sqlite3';
import type { LedgerRow } from '../ledger/validate.ts';
import { BatchInsert } from './batchInsert.ts';
import { itemKey, type StoredItem } from './ledgerLoad.ts';

/** Names of the item fields the history records; Slack and CLI updates use the same names. */
export const HISTORY_FIELDS = ['status', 'title', 'due_on', 'departments', 'cooperating_departments', 'note'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** How a list of departments reads in the history: the ledger's own separator. */
export const joinDepartmentNames = (names: readonly string[]) => names.join('、');

export interface ItemChange {
  key: string;
  field: HistoryField;
  from: string | null;
  to: string | null;
}

export interface ItemConflict extends ItemChange {
  /** Who last changed the field, and when (ISO instant); null when the history does not say. */
  actor: string | null;
  at: string | null;
  /** With --overwrite the file's value was taken. */
  overwritten: boolean;
}

export interface ItemWriteInput {
  rows: readonly LedgerRow[];
  /** Whether the file has a note / 配合单位 column; without one, those are left as they are. */
  hasNote: boolean;
  hasCooperating: boolean;
  planIds: ReadonlyMap<string, number>;
  departmentIds: ReadonlyMap<string, number>;
  departmentNames: ReadonlyMap<number, string>;
  /** Items of the file's plans already in the database, by itemKey. */
  stored: ReadonlyMap<string, StoredItem>;
  overwrite: boolean;
  actor: string;
  at: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ItemWriteResult {
  /** The rows that became new items (their keys are built when reported, not per row here). */
  created: LedgerRow[];
  updated: string[];
  unchanged: number;
  statusChanges: number;
  historyRows: number;
  changes: ItemChange[];
  conflicts: ItemConflict[];
  /** Keys of the stored items the file lists. */
  seen: Set<string>;
}

export const PROGRESS_EVERY = 5000;

export function writeItems(sqlite: Database.Database, input: ItemWriteInput): ItemWriteResult {
  const result: ItemWriteResult = {
    created: [],
    updated: [],
    unchanged: 0,
    statusChanges: 0,
    historyRows: 0,
    changes: [],
    conflicts: [],
    seen: new Set(),
  };
  // Ids are given, not left to AUTOINCREMENT, so new items can go in multi-row statements and
  // still be referenced by their departments and history. Safe: the import's transaction is
  // IMMEDIATE, so no other writer can take an id in between; the sqlite_sequence term keeps
  // AUTOINCREMENT's promise never to reuse the id of a deleted item.
  const { next } = sqlite
    .prepare("SELECT max(coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'items'), 0)) + 1 AS next")
    .get() as { next: number };
  let nextId = next;
  const items = new BatchInsert(
    sqlite,
    'INSERT INTO items (id, plan_id, code, title, due_on, status, note, synced_version) VALUES',
    '(?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const links = new BatchInsert(sqlite, 'INSERT INTO item_departments (item_id, department_id, position) VALUES', '(?, ?, ?)', [items]);
  const cooperating = new BatchInsert(
    sqlite,
    'INSERT INTO item_cooperating_departments (item_id, department_id, position) VALUES',
    '(?, ?, ?)',
    [items],
  );
  const history = new BatchInsert(
    sqlite,
    'INSERT INTO item_history (item_id, field, from_value, to_value, note, actor, source, at) VALUES',
    "(?, ?, ?, ?, ?, ?, 'import', ?)",
    [items],
  );
  const updateItem = sqlite.prepare(
    'UPDATE items SET title = ?, due_on = ?, status = ?, note = ?, version = version + 1, synced_version = version + 1 WHERE id = ?',
  );
  const markSynced = sqlite.prepare('UPDATE items SET synced_version = version WHERE id = ? AND synced_version IS NOT version');
  const deleteLinks = sqlite.prepare('DELETE FROM item_departments WHERE item_id = ?');
  const deleteCooperating = sqlite.prepare('DELETE FROM item_cooperating_departments WHERE item_id = ?');
  const lastChange = sqlite.prepare(
    "SELECT actor, at FROM item_history WHERE item_id = ? AND field = ? AND source != 'import' ORDER BY id DESC LIMIT 1",
  );

  const record = (itemId: number, field: HistoryField, from: string | null, to: string | null, note: string | null) => {
    history.add(itemId, field, from, to, note, input.actor, input.at);
    result.historyRows += 1;
  };
  const link = (target: BatchInsert, itemId: number, names: readonly string[]) => {
    names.forEach((name, position) => target.add(itemId, input.departmentIds.get(name), position));
  };
  const namesOf = (ids: readonly number[]) => joinDepartmentNames(ids.map((id) => input.departmentNames.get(id) ?? ''));

  const update = (item: StoredItem, row: LedgerRow, key: string): boolean => {
    const haveNames = namesOf(item.departmentIds);
    const wantNames = joinDepartmentNames(row.departments);
    const haveCooperating = namesOf(item.cooperatingIds);
    const wantCooperating = input.hasCooperating ? joinDepartmentNames(row.cooperating) : haveCooperating;
    const note = input.hasNote || row.note !== null ? row.note : item.note;
    const changes: [HistoryField, string | null, string | null][] = [];
    if (item.status !== row.status) changes.push(['status', item.status, row.status]);
    if (item.title !== row.itemTitle) changes.push(['title', item.title, row.itemTitle]);
    if (item.dueOn !== row.dueOn) changes.push(['due_on', item.dueOn, row.dueOn]);
    if (haveNames !== wantNames) changes.push(['departments', haveNames, wantNames]);
    if (haveCooperating !== wantCooperating) changes.push(['cooperating_departments', haveCooperating, wantCooperating]);
    if (item.note !== note) changes.push(['note', item.note, note]);
    if (changes.length === 0) {
      markSynced.run(item.id);
      return false;
    }
    const baseline = row.rev ?? item.syncedVersion;
    const changedOutside = baseline === null || item.version > baseline;
    if (changedOutside) {
      for (const [field, from, to] of changes) {
        const last = lastChange.get(item.id, field) as { actor: string; at: string } | undefined;
        result.conflicts.push({ key, field, from, to, actor: last?.actor ?? null, at: last?.at ?? null, overwritten: input.overwrite });
      }
      if (!input.overwrite) return false;
    }
    updateItem.run(row.itemTitle, row.dueOn, row.status, note, item.id);
    if (haveNames !== wantNames) {
      deleteLinks.run(item.id);
      link(links, item.id, row.departments);
    }
    if (haveCooperating !== wantCooperating) {
      deleteCooperating.run(item.id);
      link(cooperating, item.id, row.cooperating);
    }
    // The row's note is the evidence for a status change.
    for (const [field, from, to] of changes) {
      record(item.id, field, from, to, field === 'status' ? row.note : null);
      result.changes.push({ key, field, from, to });
    }
    if (item.status !== row.status) result.statusChanges += 1;
    return true;
  };

  const total = input.rows.length;
  input.rows.forEach((row, index) => {
    if (input.onProgress && index % PROGRESS_EVERY === 0) input.onProgress(index, total);
    const planId = input.planIds.get(row.planCode as string) as number;
    const code = row.itemCode as string;
    const key = itemKey(planId, code);
    const item = input.stored.get(key);
    if (item) {
      result.seen.add(key);
      const label = `${row.planCode}#${code}`;
      if (update(item, row, label)) result.updated.push(label);
      else result.unchanged += 1;
      return;
    }
    const id = nextId++;
    const note = row.note;
    items.add(id, planId, code, row.itemTitle, row.dueOn, row.status, note);
    link(links, id, row.departments);
    link(cooperating, id, row.cooperating);
    record(id, 'status', null, row.status, note);
    result.created.push(row);
  });
  items.flush();
  links.flush();
  cooperating.flush();
  history.flush();
  input.onProgress?.(total, total);
  return result;
}
