// Evidence files of items (README "Evidence files"): kept with the change they came with
// (changeItem writes them in its transaction), read back for the item card, the round
// self-check and the history.
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { itemEvidenceFiles } from '../db/schema.ts';
import { EVIDENCE_FILES_MAX, type EvidenceFile, isSafePermalink } from '../domain/evidenceFiles.ts';
import { prepared } from './prepared.ts';

/** A kept file, with who added it and when (the change's actor and instant). */
export interface KeptEvidenceFile extends EvidenceFile {
  historyId: number;
  addedBy: string;
  addedAt: string;
}

/** Files of one item, newest first, and how many it has in all. */
export interface ItemEvidence {
  files: KeptEvidenceFile[];
  total: number;
}

/** Files that reached the store unchecked (too many, a link that is not a safe https address): nothing is saved. */
export class EvidenceFilesRefusedError extends Error {
  constructor(reason: string) {
    super(`evidence files refused: ${reason}`);
    this.name = 'EvidenceFilesRefusedError';
  }
}

/** The last guard: every path checks files first and tells the person (src/domain/evidenceFiles.ts). */
export function assertKeepable(files: readonly EvidenceFile[]): void {
  if (files.length > EVIDENCE_FILES_MAX) throw new EvidenceFilesRefusedError(`${files.length} files`);
  const unsafe = files.find((f) => !isSafePermalink(f.permalink));
  if (unsafe) throw new EvidenceFilesRefusedError(`permalink of ${unsafe.slackFileId}`);
}

/** Inside the change's transaction: the files, linked to its history row. */
export function keepEvidenceFiles(
  db: Db,
  change: { itemId: number; historyId: number; actor: string; at: string; files: readonly EvidenceFile[] },
): void {
  for (const file of change.files) {
    db.insert(itemEvidenceFiles)
      .values({
        itemId: change.itemId,
        historyId: change.historyId,
        slackFileId: file.slackFileId,
        name: file.name,
        permalink: file.permalink,
        mimetype: file.mimetype,
        size: file.size,
        addedBy: change.actor,
        addedAt: change.at,
      })
      .onConflictDoNothing()
      .run();
  }
}

type Row = typeof itemEvidenceFiles.$inferSelect;

function kept(row: Row): KeptEvidenceFile {
  return {
    slackFileId: row.slackFileId,
    name: row.name,
    permalink: row.permalink,
    mimetype: row.mimetype,
    size: row.size,
    historyId: row.historyId,
    addedBy: row.addedBy,
    addedAt: row.addedAt,
  };
}

const newestOfItem = (db: Db) =>
  db
    .select()
    .from(itemEvidenceFiles)
    .where(eq(itemEvidenceFiles.itemId, sql.placeholder('itemId')))
    .orderBy(desc(itemEvidenceFiles.id))
    .limit(sql.placeholder('limit'))
    .prepare();
const countOfItem = (db: Db) =>
  db
    .select({ n: count() })
    .from(itemEvidenceFiles)
    .where(eq(itemEvidenceFiles.itemId, sql.placeholder('itemId')))
    .prepare();

/** The newest `limit` files of an item and its total (the card shows a few and "and n more"). */
export function evidenceOfItem(db: Db, itemId: number, limit: number): ItemEvidence {
  const files = prepared(db, newestOfItem).all({ itemId, limit }).map(kept);
  const total = files.length < limit ? files.length : (prepared(db, countOfItem).get({ itemId })?.n ?? 0);
  return { files, total };
}

/** Every file of several items, newest first per item (the round self-check of a plan). */
export function evidenceOfItems(db: Db, itemIds: readonly number[]): Map<number, KeptEvidenceFile[]> {
  const map = new Map<number, KeptEvidenceFile[]>();
  // SQLite binds at most 32,766 values; a plan's items are far fewer, chunks keep it so anyway.
  for (let start = 0; start < itemIds.length; start += 1000) {
    const chunk = itemIds.slice(start, start + 1000);
    const rows = db
      .select()
      .from(itemEvidenceFiles)
      .where(inArray(itemEvidenceFiles.itemId, chunk))
      .orderBy(desc(itemEvidenceFiles.id))
      .all();
    for (const row of rows) {
      const list = map.get(row.itemId) ?? [];
      list.push(kept(row));
      map.set(row.itemId, list);
    }
  }
  return map;
}

/** How many files each of these history rows came with (the card's list of changes). */
export function fileCountsOfChanges(db: Db, historyIds: readonly number[]): Map<number, number> {
  if (historyIds.length === 0) return new Map();
  const rows = db
    .select({ historyId: itemEvidenceFiles.historyId, n: count() })
    .from(itemEvidenceFiles)
    .where(inArray(itemEvidenceFiles.historyId, [...historyIds]))
    .groupBy(itemEvidenceFiles.historyId)
    .all();
  return new Map(rows.map((r) => [r.historyId, r.n]));
}
