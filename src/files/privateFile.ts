// Files that hold the office's ledger (the database, its WAL and shared-memory files, exports) are
// readable by their owner only: 0600, and folders we create 0700. A shared server's other accounts
// must not read who is responsible for what, and the default umask (022) would make them 0644.
//
// Exports are written to a fresh temporary file in the target's folder, opened exclusively
// (O_CREAT|O_EXCL: never an existing file or a planted symlink), fsynced and renamed onto the
// target. rename(2) replaces whatever sits at the target path, a symlink included, without
// following it: the link's target is never written.

import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, mkdirSync, openSync, type Stats, statSync } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder (and missing parents) 0700. A folder that exists is left as it is: it may be shared on purpose. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(resolve(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates an empty file 0600 when none is there; true when it did. An existing file (or link) is not touched. */
export function createPrivateFile(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Group or other may read or write it. */
const isShared = (stats: Stats) => (stats.mode & 0o077) !== 0;

/**
 * Narrows an existing regular file to 0600 when it is ours to narrow: owned by this process's
 * user. A file another account owns was shared by its owner (and chmod would fail anyway), so it
 * is left alone. Returns true when the mode was changed. A missing file is not an error.
 */
export function tightenOwnFile(path: string, uid: number | undefined = process.getuid?.()): boolean {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stats.isFile() || uid === undefined || stats.uid !== uid || !isShared(stats)) return false;
  chmodSync(path, PRIVATE_FILE_MODE);
  return true;
}

/** A name no one can have planted in advance, hidden, next to the target (so rename is atomic). */
function temporaryPathFor(target: string): string {
  return join(dirname(resolve(target)), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Makes the rename itself durable; some systems cannot open a folder for fsync, which only weakens durability. */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the file's own content is already on disk.
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `target` through `write`, which gets a stream onto a private temporary file. The target
 * appears complete or not at all: a failure removes the temporary file and leaves the target as
 * it was. `write` may end the stream itself (exceljs's WorkbookWriter does) or leave that to us.
 */
export async function writeFileAtomically(target: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(target);
  // 'wx' = O_WRONLY|O_CREAT|O_EXCL: fails on anything already there, a symlink included.
  const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE);
  // The stream leaves the descriptor open at its end so it can be fsynced; the handle's close()
  // waits until the stream is destroyed (it holds a reference), hence destroy() before close().
  const out = handle.createWriteStream({ autoClose: false });
  let closed = false;
  try {
    await write(out);
    if (!out.writableEnded) out.end();
    await finished(out);
    await handle.sync();
    out.destroy();
    await handle.close();
    closed = true;
    await rename(temporary, target);
  } catch (error) {
    if (!closed) {
      out.destroy();
      await handle.close().catch(() => {});
    }
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(resolve(target)));
}

/** writeFileAtomically for content already in memory. */
export function writeDataAtomically(target: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomically(target, async (out) => {
    out.end(data);
  });
}
