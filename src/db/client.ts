// Opens the SQLite database, creating its folder, and migrates it. Every command that touches the
// ledger goes through `openDatabase`, so a fresh machine needs no setup step.
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createPrivateFile, ensurePrivateDir, tightenOwnFile } from '../files/privateFile.ts';
import { packageRoot } from '../runtimePaths.ts';
import { CLI_BUSY_TIMEOUT_MS, setBusyTimeout } from './busy.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = join(packageRoot(), 'migrations');

/**
 * The ledger is readable by its owner only. SQLite creates the -wal and -shm files with the
 * database file's mode, so the file is created 0600 before SQLite opens it; one that exists and
 * belongs to this user is narrowed to 0600 with its -wal/-shm (one another account owns is left:
 * its owner shared it). See src/files/privateFile.ts.
 */
function prepareDatabaseFile(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  ensurePrivateDir(dirname(resolve(path)));
  if (createPrivateFile(path)) return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) tightenOwnFile(file);
}

export function openDatabase(path: string): Db {
  prepareDatabaseFile(path);
  const sqlite = new Database(path);
  // Only a database with no pages yet can take it (later it needs a VACUUM): lets the
  // housekeeping job give freed pages back to the disk (incremental_vacuum) a step at a time.
  if (sqlite.pragma('page_count', { simple: true }) === 0) sqlite.pragma('auto_vacuum = INCREMENTAL');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // CLI commands and the running bot share the file. A command may wait for the lock inside
  // SQLite; the bot lowers this on its own connection right after opening (src/db/busy.ts).
  setBusyTimeout(sqlite, CLI_BUSY_TIMEOUT_MS);
  const db = drizzle(sqlite, { schema }) as Db;
  migrateDatabase(db);
  sqlite.pragma('foreign_keys = ON');
  return db;
}

/**
 * A connection for readers in other threads (read workers) while the bot holds the file open:
 * it never migrates and cannot write, so a reader's bug cannot touch the ledger.
 */
export function openReadOnlyDatabase(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Foreign keys are off while migrating: a generated table rebuild (`__new_x`) would otherwise
 * cascade-delete child rows (drizzle-orm #4938). Afterwards we check nothing dangles.
 */
function migrateDatabase(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new Error(`database has ${broken.length} rows with broken references after migration`);
  }
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/**
 * A writing connection for a worker thread of the bot (the job thread) while the main thread
 * holds the file open: the main thread migrated it already, so this one never migrates. Its
 * busy_timeout is its own: a thread that acknowledges nothing may wait longer for the lock than
 * the main thread's event loop can.
 */
export function openWorkerDatabase(path: string, busyTimeoutMs: number): Db {
  const sqlite = new Database(path, { fileMustExist: true });
  sqlite.pragma('synchronous = NORMAL');
  setBusyTimeout(sqlite, busyTimeoutMs);
  sqlite.pragma('foreign_keys = ON');
  return drizzle(sqlite, { schema }) as Db;
}
