// Temp folders and databases for tests, and the one database snapshot that proves "nothing was
// written": the ledger's tables by default, or every table (`allTables`).
import { mkdtempSync, rmSync } from 'node:fs';
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

export function testDb(path = join(tempDir(), 'test.db')): Db {
  const db = openDatabase(path);
  dbs.push(db);
  return db;
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
