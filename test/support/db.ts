// Temp folders and databases for tests, and the one database snapshot that proves "nothing was
// written": the ledger's tables by default, or every table (`allTables`).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../src/db/client.ts';

const dirs: string[] = [];
const dbs: Db[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) closeDatabase(db);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reform-test-'));
  dirs.push(dir);
  return dir;
}

let template: string | undefined;

/**
 * One migrated database per test worker, copied for each test that wants a fresh file: running
 * every migration for every test costs more than a file copy. Opening the copy still runs the
 * migrator, which finds nothing to do, so a test sees exactly what `openDatabase` gives a new file.
 */
function migratedTemplate(): string {
  if (template && existsSync(template)) return template;
  const dir = mkdtempSync(join(tmpdir(), 'reform-template-'));
  const path = join(dir, 'template.db');
  closeDatabase(openDatabase(path)); // closing checkpoints the WAL into the one file copied below
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  template = path;
  return path;
}

/** A fresh, migrated database at `path` (a new temp file by default), closed after the test. */
export function testDb(path = join(tempDir(), 'test.db')): Db {
  if (!existsSync(path)) copyFileSync(migratedTemplate(), path);
  const db = openDatabase(path);
  dbs.push(db);
  return db;
}

export interface TempDb {
  db: Db;
  path: string;
  dir: string;
  cleanup(): void;
}

/** A fresh, migrated database in its own temp folder that the test removes itself (`cleanup`). */
export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'reform-bot-test-'));
  const path = join(dir, 'test.db');
  copyFileSync(migratedTemplate(), path);
  const db = openDatabase(path);
  return {
    db,
    path,
    dir,
    cleanup() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TABLES = ['groups', 'departments', 'plans', 'items', 'item_departments', 'item_history'] as const;

/** The name of every table in the database (migrations' bookkeeping included). */
export function allTables(db: Db): string[] {
  return db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
    .pluck()
    .all() as string[];
}

/** Every row of these tables (the ledger's by default), by table name, to compare before and after. */
export function snapshot(db: Db, tables: readonly string[] = TABLES): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((table) => [table, db.$client.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}

export function count(db: Db, table: (typeof TABLES)[number]): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
