// Item changes the bot could not save within Slack's 3 seconds because another process (a CLI
// import) held the database's write lock. Each is written to its own file next to the database
// BEFORE the click is acknowledged, so it survives a crash; the drainer (src/slack/
// pendingChangeDrainer.ts) applies it when the lock is free and tells the person. One file per
// request key: a click Slack delivers twice is queued once, and applying it twice is harmless
// because changeItem is idempotent by request key.
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EVIDENCE_FILES_MAX } from '../domain/evidenceFiles.ts';
import { LOCALES, STATUSES } from '../domain/types.ts';

/** An evidence file as a queued change keeps it (README "Evidence files"). */
const queuedFileSchema = z.object({
  slackFileId: z.string().min(1),
  name: z.string().min(1),
  permalink: z.string().min(1),
  mimetype: z.string().nullable(),
  size: z.number().int().nonnegative().nullable(),
});

const queuedChangeSchema = z.object({
  v: z.literal(1),
  requestKey: z.string().min(1),
  itemId: z.number().int().positive(),
  status: z.enum(STATUSES).optional(),
  institutionalOutcome: z.boolean().optional(),
  note: z.string().optional(),
  files: z.array(queuedFileSchema).max(EVIDENCE_FILES_MAX).optional(),
  expectedVersion: z.number().int().optional(),
  actor: z.string().min(1),
  /** When the person asked (ISO): the history records this time, not when the lock came free. */
  at: z.string(),
  /** Where to tell the result: the request's response_url, else a DM to `actor`. */
  responseUrl: z.string().optional(),
  locale: z.enum(LOCALES).optional(),
});

export type QueuedChange = z.infer<typeof queuedChangeSchema>;

export interface SpooledChange {
  file: string;
  change: QueuedChange;
}

/** Where a database's queued changes live: `<db>.pending/` (nothing for an in-memory database). */
export function spoolFolderOf(databasePath: string): string | undefined {
  return databasePath === ':memory:' ? undefined : `${databasePath}.pending`;
}

function fileNameOf(requestKey: string): string {
  return `${createHash('sha256').update(requestKey).digest('hex').slice(0, 32)}.json`;
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the change durably (temp file, fsync, link into place, fsync the folder). Returns false
 * when a change with the same request key is already queued (a redelivery).
 */
export function queueChange(folder: string, change: QueuedChange): boolean {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, fileNameOf(change.requestKey));
  const temp = `${target}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(queuedChangeSchema.parse(change)));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // link, not rename: it fails when the target exists, so a redelivery never replaces the first.
    linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(folder);
  return true;
}

/** Queued changes, oldest request first. Unreadable files are moved to `unreadable/` and reported. */
export function listQueued(
  folder: string,
  onUnreadable: (file: string, reason: string) => void = () => {},
): SpooledChange[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const queued: SpooledChange[] = [];
  for (const name of names) {
    const file = join(folder, name);
    try {
      queued.push({ file, change: queuedChangeSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) });
    } catch (error) {
      const aside = join(folder, 'unreadable');
      mkdirSync(aside, { recursive: true, mode: 0o700 });
      renameSync(file, join(aside, name));
      onUnreadable(file, (error as Error).message);
    }
  }
  return queued.sort((a, b) => a.change.at.localeCompare(b.change.at));
}

/** Removes a change once it is in the database. */
export function removeQueued(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Moves a database's queued changes out of the way (restore): they were asked for against the
 * replaced database and must not be applied to the restored one. Returns how many were moved.
 */
export function setAsideQueue(folder: string, aside: string): number {
  const count = listQueued(folder).length;
  if (count === 0) return 0;
  rmSync(aside, { recursive: true, force: true });
  renameSync(folder, aside);
  return count;
}
