// The item half of a ledger import, decided before anything is written: which rows become new
// items, which known items change (and how), which stay as they are, and what conflicts. Built
// from a snapshot read OUTSIDE the import's write transaction (ledgerImport.ts), so the write lock
// is held only to write (ledgerItemsWrite.ts); an item changed between the two is decided again
// inside the lock.
//
// Never revert silently: an item changed outside the file (in Slack, by the CLI) since the file
// last agreed with it — its version is past the file's `rev` (an export says which version it
// showed) or past the version the last import left it at — keeps its current values; each field
// where the file differs is reported as a conflict, with who changed it and when. `overwrite`
// takes the file's values anyway, and still reports them.
import type { LedgerRow } from '../ledger/validate.ts';
import { itemKey, type StoredItem } from './ledgerLoad.ts';

/** Names of the item fields the history records; Slack and CLI updates use the same names. */
const HISTORY_FIELDS = ['status', 'title', 'due_on', 'departments', 'cooperating_departments', 'note'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** How a list of departments reads in the history: the ledger's own separator. */
const joinDepartmentNames = (names: readonly string[]) => names.join('、');

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

export interface ItemPlanInput {
  rows: readonly LedgerRow[];
  /** Whether the file has a note / 配合单位 column; without one, those are left as they are. */
  hasNote: boolean;
  hasCooperating: boolean;
  /** Ids of the file's plans that exist (new plans have no stored items). */
  planIds: ReadonlyMap<string, number>;
  departmentNames: ReadonlyMap<number, string>;
  /** Items of the file's plans already in the database, by itemKey. */
  stored: ReadonlyMap<string, StoredItem>;
  overwrite: boolean;
  /** Who last changed a field of an item outside imports, and when (for conflicts). */
  lastChange(itemId: number, field: HistoryField): { actor: string; at: string } | undefined;
}

/** A known item the import changes: written only if the item is still at `item.version`. */
export interface ItemUpdate {
  item: StoredItem;
  row: LedgerRow;
  label: string;
  note: string | null;
  changes: [HistoryField, string | null, string | null][];
  /** Department names to link instead of the current ones, when they changed. */
  departments?: readonly string[];
  cooperating?: readonly string[];
}

export interface ItemPlan {
  /** Rows that become new items, in file order. */
  created: LedgerRow[];
  updates: ItemUpdate[];
  /** Unchanged items the file now agrees with: their synced_version moves to `version`. */
  markSynced: { id: number; version: number }[];
  updated: string[];
  unchanged: number;
  statusChanges: number;
  changes: ItemChange[];
  conflicts: ItemConflict[];
  /** Keys of the stored items the file lists. */
  seen: Set<string>;
}

function emptyItemPlan(): ItemPlan {
  return {
    created: [],
    updates: [],
    markSynced: [],
    updated: [],
    unchanged: 0,
    statusChanges: 0,
    changes: [],
    conflicts: [],
    seen: new Set(),
  };
}

/** Decides one known item; returns whether it is updated. */
function decideUpdate(input: ItemPlanInput, plan: ItemPlan, item: StoredItem, row: LedgerRow, label: string): boolean {
  const namesOf = (ids: readonly number[]) => joinDepartmentNames(ids.map((id) => input.departmentNames.get(id) ?? ''));
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
    if (item.syncedVersion !== item.version) plan.markSynced.push({ id: item.id, version: item.version });
    return false;
  }
  const baseline = row.rev ?? item.syncedVersion;
  const changedOutside = baseline === null || item.version > baseline;
  if (changedOutside) {
    for (const [field, from, to] of changes) {
      const last = input.lastChange(item.id, field);
      plan.conflicts.push({
        key: label,
        field,
        from,
        to,
        actor: last?.actor ?? null,
        at: last?.at ?? null,
        overwritten: input.overwrite,
      });
    }
    if (!input.overwrite) return false;
  }
  plan.updates.push({
    item,
    row,
    label,
    note,
    changes,
    ...(haveNames !== wantNames ? { departments: row.departments } : {}),
    ...(haveCooperating !== wantCooperating ? { cooperating: row.cooperating } : {}),
  });
  for (const [field, from, to] of changes) plan.changes.push({ key: label, field, from, to });
  if (item.status !== row.status) plan.statusChanges += 1;
  return true;
}

export function planItems(input: ItemPlanInput): ItemPlan {
  const plan = emptyItemPlan();
  for (const row of input.rows) {
    const planId = input.planIds.get(row.planCode as string);
    const code = row.itemCode as string;
    const key = planId === undefined ? undefined : itemKey(planId, code);
    const item = key === undefined ? undefined : input.stored.get(key);
    if (!item || key === undefined) {
      plan.created.push(row);
      continue;
    }
    plan.seen.add(key);
    const label = `${row.planCode}#${code}`;
    if (decideUpdate(input, plan, item, row, label)) plan.updated.push(label);
    else plan.unchanged += 1;
  }
  return plan;
}

/**
 * Takes back the decisions about `labels` (items that changed after the snapshot the plan was
 * made from), so they can be decided again from their current state.
 */
export function withoutItems(plan: ItemPlan, labels: ReadonlySet<string>): void {
  const dropped = plan.updates.filter((u) => labels.has(u.label));
  plan.updates = plan.updates.filter((u) => !labels.has(u.label));
  plan.updated = plan.updated.filter((label) => !labels.has(label));
  plan.changes = plan.changes.filter((c) => !labels.has(c.key));
  plan.conflicts = plan.conflicts.filter((c) => !labels.has(c.key));
  plan.statusChanges -= dropped.filter((u) => u.item.status !== u.row.status).length;
}

/** Adds the decisions of `more` (about other items) to `plan`. */
export function mergeItemPlan(plan: ItemPlan, more: ItemPlan): void {
  plan.created.push(...more.created);
  plan.updates.push(...more.updates);
  plan.markSynced.push(...more.markSynced);
  plan.updated.push(...more.updated);
  plan.unchanged += more.unchanged;
  plan.statusChanges += more.statusChanges;
  plan.changes.push(...more.changes);
  plan.conflicts.push(...more.conflicts);
  for (const key of more.seen) plan.seen.add(key);
}
