// Checking and restoring copies of the database (the copy itself is made in backupCopy.ts).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupCheck {
  ok: boolean;
  problems: string[];
  tables: number;
  migrations: number;
}

/** Is this file a reform-bot database SQLite considers intact? */
export function checkBackup(file: string): BackupCheck {
  const problems: string[] = [];
  if (!existsSync(file)) return { ok: false, problems: [`${file} does not exist`], tables: 0, migrations: 0 };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const tables = (db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number })
      .n;
    const required = ['plans', 'items', 'item_history', 'outbox', '__drizzle_migrations'];
    for (const table of required) {
      const found = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
      if (!found) problems.push(`missing table ${table}: not a reform-bot database`);
    }
    const migrations = problems.length
      ? 0
      : (db.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    return { ok: problems.length === 0, problems, tables, migrations };
  } catch (error) {
    return { ok: false, problems: [`not a SQLite database: ${(error as Error).message}`], tables: 0, migrations: 0 };
  } finally {
    db?.close();
  }
}

/**
 * Puts a checked backup in place of the database. The current file is kept as
 * `<db>.before-restore` so a mistaken restore can be undone. The bot must be stopped.
 */
export function restoreDatabase(
  backup: string,
  target: string,
  options: { prepareCopy?: (staging: string) => void } = {},
): { previous?: string } {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const staging = `${target}.restoring`;
  copyFileSync(backup, staging);
  // Changes the copy before it takes the database's place (the restore clears the lease there).
  options.prepareCopy?.(staging);
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore`;
    // Fold the WAL into the main file so the kept copy is complete on its own.
    const current = new Database(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    copyFileSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { previous };
}
