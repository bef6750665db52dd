// Writes an import's item decisions (ledgerItems.ts) inside its write transaction: new items
// with their departments and history, updates of known items, synced marks. Every row's values
// were prepared before the lock was taken; here only ids and map lookups are added.
//
// An update is written only if the item is still at the version it was decided from: Slack may
// have changed it after the snapshot. Those come back as `stale`, to be decided again from
// their current state (the caller does it, still inside the lock).
import type Database from 'better-sqlite3';
import { BatchInsert } from './batchInsert.ts';
import type { HistoryField, ItemPlan, ItemUpdate } from './ledgerItems.ts';

export interface ItemWriteContext {
  /** Every plan of the file by code (new ones included), and every department by name. */
  planIds: ReadonlyMap<string, number>;
  departmentIds: ReadonlyMap<string, number>;
  actor: string;
  at: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ItemWriteOutcome {
  historyRows: number;
  /** Updates not written: the item changed since it was decided. */
  stale: ItemUpdate[];
}

const PROGRESS_EVERY = 5000;

export function writeItemPlan(sqlite: Database.Database, plan: ItemPlan, ctx: ItemWriteContext): ItemWriteOutcome {
  const outcome: ItemWriteOutcome = { historyRows: 0, stale: [] };
  // Ids are given, not left to AUTOINCREMENT, so new items can go in multi-row statements and
  // still be referenced by their departments and history. Safe: this runs in the import's
  // IMMEDIATE transaction, so no other writer can take an id in between; the sqlite_sequence
  // term keeps AUTOINCREMENT's promise never to reuse the id of a deleted item.
  const { next } = sqlite
    .prepare(
      "SELECT max(coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'items'), 0)) + 1 AS next",
    )
    .get() as { next: number };
  let nextId = next;
  const items = new BatchInsert(
    sqlite,
    'INSERT INTO items (id, plan_id, code, title, due_on, status, note, synced_version) VALUES',
    '(?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const links = new BatchInsert(
    sqlite,
    'INSERT INTO item_departments (item_id, department_id, position) VALUES',
    '(?, ?, ?)',
    [items],
  );
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
    'UPDATE items SET title = ?, due_on = ?, status = ?, note = ?, version = version + 1, synced_version = version + 1 WHERE id = ? AND version = ?',
  );
  const markSynced = sqlite.prepare(
    'UPDATE items SET synced_version = version WHERE id = ? AND version = ? AND synced_version IS NOT version',
  );
  const deleteLinks = sqlite.prepare('DELETE FROM item_departments WHERE item_id = ?');
  const deleteCooperating = sqlite.prepare('DELETE FROM item_cooperating_departments WHERE item_id = ?');

  const record = (itemId: number, field: HistoryField, from: string | null, to: string | null, note: string | null) => {
    history.add(itemId, field, from, to, note, ctx.actor, ctx.at);
    outcome.historyRows += 1;
  };
  const link = (target: BatchInsert, itemId: number, names: readonly string[]) => {
    names.forEach((name, position) => {
      target.add(itemId, ctx.departmentIds.get(name), position);
    });
  };

  for (const update of plan.updates) {
    const { item, row } = update;
    if (updateItem.run(row.itemTitle, row.dueOn, row.status, update.note, item.id, item.version).changes === 0) {
      outcome.stale.push(update);
      continue;
    }
    if (update.departments) {
      deleteLinks.run(item.id);
      link(links, item.id, update.departments);
    }
    if (update.cooperating) {
      deleteCooperating.run(item.id);
      link(cooperating, item.id, update.cooperating);
    }
    // The row's note is the evidence for a status change.
    for (const [field, from, to] of update.changes)
      record(item.id, field, from, to, field === 'status' ? row.note : null);
  }
  // A synced mark that misses (the item changed since) leaves the item as changed outside the file.
  for (const { id, version } of plan.markSynced) markSynced.run(id, version);

  const total = plan.created.length;
  plan.created.forEach((row, index) => {
    if (ctx.onProgress && index % PROGRESS_EVERY === 0) ctx.onProgress(index, total);
    const id = nextId++;
    items.add(
      id,
      ctx.planIds.get(row.planCode as string),
      row.itemCode,
      row.itemTitle,
      row.dueOn,
      row.status,
      row.note,
    );
    link(links, id, row.departments);
    link(cooperating, id, row.cooperating);
    record(id, 'status', null, row.status, row.note);
  });
  items.flush();
  links.flush();
  cooperating.flush();
  history.flush();
  ctx.onProgress?.(total, total);
  return outcome;
}
