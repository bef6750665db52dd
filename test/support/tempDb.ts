// A fresh, migrated database in its own temp folder, removed after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '../../src/db/client.ts';

export interface TempDb {
  db: Db;
  path: string;
  dir: string;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'reform-bot-test-'));
  const path = join(dir, 'test.db');
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
