// A consistent copy of the live database, made while the bot keeps writing.
//
// SQLite's online backup API copies pages in steps and starts over whenever another connection
// writes between two steps: under steady clicks it ran 52 s and finished only when the load
// stopped. `VACUUM INTO` copies in ONE read transaction instead: it reads a WAL snapshot, so it
// neither blocks the bot's writes nor is restarted by them.
//
// The copy goes to a temporary file next to the target, created exclusively and 0600 (a backup
// holds the whole ledger), is flushed to disk, then renamed onto the target: a reader never sees
// half a backup, and a symlink planted at the target is replaced, never written through.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CLI_BUSY_TIMEOUT_MS, setBusyTimeout } from './busy.ts';

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

export async function backupDatabase(source: string, target: string): Promise<void> {
  const folder = dirname(resolve(target));
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  const temp = join(folder, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // VACUUM INTO accepts an empty existing file: creating it here makes it ours, with our mode.
  closeSync(openSync(temp, 'wx', FILE_MODE));
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      setBusyTimeout(db, CLI_BUSY_TIMEOUT_MS);
      // A source made without auto_vacuum (0) cannot change (it has tables), but the copy is
      // written with it, so restoring a backup converts an older database (see README). On a
      // source that has it, the pragma would write to the (read-only) source: left alone.
      if (db.pragma('auto_vacuum', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
      db.prepare('VACUUM INTO ?').run(temp);
    } finally {
      db.close();
    }
    syncFile(temp);
    chmodSync(temp, FILE_MODE);
    renameSync(temp, target);
    syncFile(folder); // the rename itself survives a power cut
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
