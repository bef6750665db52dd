// New databases are created with auto_vacuum = INCREMENTAL (2), so housekeeping can give freed
// pages back; an existing database is left as it was, and converted by a backup and restore.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backupCopy.ts';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { tempDir } from '../support/db.ts';

const autoVacuumOf = (path: string) => {
  const db = openDatabase(path);
  try {
    return db.$client.pragma('auto_vacuum', { simple: true });
  } finally {
    closeDatabase(db);
  }
};

describe('auto_vacuum', () => {
  it('is INCREMENTAL on a new database, and stays so when it is opened again', () => {
    const path = join(tempDir(), 'new.db');
    expect(autoVacuumOf(path)).toBe(2);
    expect(autoVacuumOf(path)).toBe(2);
  });

  it('is left alone on an existing database made without it', () => {
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    old.exec('create table kept (a)');
    old.close();
    expect(autoVacuumOf(path)).toBe(0);
  });

  it('is INCREMENTAL in a backup of a database made without it, which is left unchanged', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec('create table kept (a)');
    old.close();
    await backupDatabase(path, join(dir, 'copy.db'));
    expect(autoVacuumOf(join(dir, 'copy.db'))).toBe(2);
    const source = new Database(path, { readonly: true });
    expect(source.pragma('auto_vacuum', { simple: true })).toBe(0);
    source.close();
  });
});
