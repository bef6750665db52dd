// One item: look it up, read its history, change it. Every change is one transaction that
// updates the item, bumps its version and appends to item_history; nothing is overwritten silently.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  departments,
  groups,
  itemCooperatingDepartments,
  itemDepartments,
  itemHistory,
  items,
  plans,
} from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { distinctFiles, type EvidenceFile } from '../domain/evidenceFiles.ts';
import { NoteTooLongError, noteLength, noteTooLong } from '../domain/notes.ts';
import type { ChangeSource, Status } from '../domain/types.ts';
import { assertKeepable, keepEvidenceFiles } from './evidenceFiles.ts';
import { prepared } from './prepared.ts';

export interface ItemDetail {
  id: number;
  code: string;
  title: string;
  dueOn: string | null;
  /** The due date before the first approved extension; null while never extended. */
  originalDueOn: string | null;
  status: Status;
  institutionalOutcome: boolean;
  note: string | null;
  version: number;
  plan: { id: number; code: string; title: string; domain: string; stage: string; closedOn: string | null };
  leadGroup: { id: number; code: string; name: string } | null;
  departments: { id: number; name: string }[];
  /** 配合单位: shown on the card; they are not responsible (no reminders, no updates). */
  cooperatingDepartments: { id: number; name: string }[];
}

const itemWithPlan = (db: Db) =>
  db.select({ item: items, plan: plans }).from(items).innerJoin(plans, eq(plans.id, items.planId));

const itemByCodes = (db: Db) =>
  itemWithPlan(db)
    .where(and(eq(plans.code, sql.placeholder('planCode')), eq(items.code, sql.placeholder('itemCode'))))
    .prepare();
const itemById = (db: Db) =>
  itemWithPlan(db)
    .where(eq(items.id, sql.placeholder('itemId')))
    .prepare();
/** The departments an item links through `table` (responsible or cooperating), in order. */
const departmentsVia = (table: typeof itemDepartments | typeof itemCooperatingDepartments) => (db: Db) =>
  db
    .select({ id: departments.id, name: departments.name })
    .from(table)
    .innerJoin(departments, eq(departments.id, table.departmentId))
    .where(eq(table.itemId, sql.placeholder('itemId')))
    .orderBy(table.position)
    .prepare();
// Two builders, made once: prepared() caches a statement per builder.
const departmentsOfItem = departmentsVia(itemDepartments);
const cooperatingOfItem = departmentsVia(itemCooperatingDepartments);
const groupById = (db: Db) =>
  db
    .select({ id: groups.id, code: groups.code, name: groups.name })
    .from(groups)
    .where(eq(groups.id, sql.placeholder('groupId')))
    .prepare();
const historyOfItem = (db: Db) =>
  db
    .select()
    .from(itemHistory)
    .where(eq(itemHistory.itemId, sql.placeholder('itemId')))
    .orderBy(desc(itemHistory.id))
    .limit(sql.placeholder('limit'))
    .prepare();

export function findItem(db: Db, planCode: string, itemCode: string): ItemDetail | undefined {
  const row = prepared(db, itemByCodes).get({ planCode, itemCode });
  return row ? toDetail(db, row.item, row.plan) : undefined;
}

export function getItem(db: Db, itemId: number): ItemDetail | undefined {
  const row = prepared(db, itemById).get({ itemId });
  return row ? toDetail(db, row.item, row.plan) : undefined;
}

function toDetail(db: Db, item: typeof items.$inferSelect, plan: typeof plans.$inferSelect): ItemDetail {
  const depts = prepared(db, departmentsOfItem).all({ itemId: item.id });
  const group = plan.leadGroupId ? (prepared(db, groupById).get({ groupId: plan.leadGroupId }) ?? null) : null;
  return {
    id: item.id,
    code: item.code,
    title: item.title,
    dueOn: item.dueOn,
    originalDueOn: item.originalDueOn,
    status: item.status as Status,
    institutionalOutcome: item.institutionalOutcome,
    note: item.note,
    version: item.version,
    plan: {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      domain: plan.domain,
      stage: plan.stage,
      closedOn: plan.closedOn,
    },
    leadGroup: group,
    departments: depts,
    cooperatingDepartments: prepared(db, cooperatingOfItem).all({ itemId: item.id }),
  };
}

export type HistoryEntry = typeof itemHistory.$inferSelect;

export function recentHistory(db: Db, itemId: number, limit = 5): HistoryEntry[] {
  return prepared(db, historyOfItem).all({ itemId, limit });
}

export interface ItemChange {
  itemId: number;
  status?: Status;
  institutionalOutcome?: boolean;
  /** Evidence note; kept on the history rows and as the item's latest note. */
  note?: string;
  /** Evidence files (README "Evidence files"), kept linked to this change's first history row. */
  files?: readonly EvidenceFile[];
  actor: string;
  source: ChangeSource;
  at: Date;
  /** Same key twice (Slack retry, resubmitted view) applies once. */
  requestKey?: string;
  /** The version the person saw; a change built on an older view is refused as stale. */
  expectedVersion?: number;
}

/** item_history.field of a change that only added evidence files (to_value: how many). */
export const EVIDENCE_FILES_FIELD = 'evidence_files';

export type ChangeResult =
  | { kind: 'applied'; item: ItemDetail; fromStatus: Status }
  | { kind: 'unchanged'; item: ItemDetail }
  | { kind: 'duplicate'; item: ItemDetail }
  | { kind: 'stale'; item: ItemDetail }
  | { kind: 'notFound' };

export function changeItem(db: Db, change: ItemChange): ChangeResult {
  // The last guard of the one note limit: every path checks it first and says so to the person.
  if (noteTooLong(change.note)) throw new NoteTooLongError(noteLength(change.note as string));
  const files = distinctFiles(change.files ?? []);
  assertKeepable(files);
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const current = tx.select().from(items).where(eq(items.id, change.itemId)).get();
    if (!current) return { kind: 'notFound' } as const;
    const detail = () => getItem(txDb, change.itemId) as ItemDetail;
    if (change.requestKey) {
      const seen = tx
        .select({ id: itemHistory.id })
        .from(itemHistory)
        .where(eq(itemHistory.requestKey, change.requestKey))
        .get();
      if (seen) return { kind: 'duplicate', item: detail() } as const;
    }
    const statusChanges = change.status !== undefined && change.status !== current.status;
    const outcomeChanges =
      change.institutionalOutcome !== undefined && change.institutionalOutcome !== current.institutionalOutcome;
    const noteChanges = change.note !== undefined && change.note.trim() !== '' && change.note !== current.note;
    const filesAdded = files.length > 0;
    if (!statusChanges && !outcomeChanges && !noteChanges && !filesAdded)
      return { kind: 'unchanged', item: detail() } as const;
    if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) {
      return { kind: 'stale', item: detail() } as const;
    }
    const at = change.at.toISOString();
    const base = {
      itemId: current.id,
      actor: change.actor,
      source: change.source,
      at,
      requestKey: change.requestKey ?? null,
      note: change.note ?? null,
    };
    // The change's first history row: its evidence files point at it.
    let firstRow: number | undefined;
    const record = (row: { field: string; fromValue: string | null; toValue: string | null }) => {
      const { id } = tx
        .insert(itemHistory)
        .values({ ...base, ...row })
        .returning({ id: itemHistory.id })
        .get();
      firstRow ??= id;
    };
    if (statusChanges) record({ field: 'status', fromValue: current.status, toValue: change.status ?? null });
    if (outcomeChanges) {
      record({
        field: 'institutional_outcome',
        fromValue: String(current.institutionalOutcome),
        toValue: String(change.institutionalOutcome),
      });
    }
    if (noteChanges && !statusChanges && !outcomeChanges) {
      record({ field: 'note', fromValue: current.note, toValue: change.note ?? null });
    }
    // Files alone (evidence added to an item, nothing else changed) are a change of their own.
    if (filesAdded && firstRow === undefined)
      record({ field: EVIDENCE_FILES_FIELD, fromValue: null, toValue: String(files.length) });
    if (filesAdded && firstRow !== undefined)
      keepEvidenceFiles(txDb, { itemId: current.id, historyId: firstRow, actor: change.actor, at, files });
    tx.update(items)
      .set({
        status: change.status ?? current.status,
        institutionalOutcome: change.institutionalOutcome ?? current.institutionalOutcome,
        note: noteChanges ? change.note : current.note,
        version: current.version + 1,
      })
      .where(eq(items.id, current.id))
      .run();
    return { kind: 'applied', item: detail(), fromStatus: current.status as Status } as const;
  });
}
