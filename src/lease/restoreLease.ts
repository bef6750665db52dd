// `restore` and the lease: it may not replace a file a bot is using, so it takes the lease itself
// for the few moments it needs (a bot starting meanwhile refuses), and the file it puts in place
// carries no lease at all.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../db/client.ts';
import { type LeaseHolder, leaseVerdict, type RestorePermission, restorePermission } from './leaseRules.ts';
import { clearLeaseOf, releaseLease, takeLeaseIf } from './leaseStore.ts';
import { isPidAlive, newInstanceId, thisHost } from './thisProcess.ts';

export interface RestoreLeaseOptions {
  databasePath: string;
  ttlMs: number;
  nowMs: number;
  force: boolean;
}

export type RestoreLease =
  | { taken: true; overriding?: { holder: LeaseHolder; heartbeatAgeMs: number }; release(): void }
  | { taken: false; refusal: Extract<RestorePermission, { allowed: false }>; otherHost: boolean };

/** Takes the lease of the database about to be replaced, or says who holds it and why not. */
export function takeRestoreLease(options: RestoreLeaseOptions): RestoreLease {
  const { databasePath, ttlMs, nowMs, force } = options;
  // Nothing to replace, nobody to refuse: no file is created just to hold a lease in it.
  if (databasePath === ':memory:' || !existsSync(databasePath)) return { taken: true, release: () => {} };
  const host = thisHost();
  const ours: LeaseHolder = {
    instanceId: newInstanceId(),
    command: 'restore',
    pid: process.pid,
    host,
    startedAtMs: nowMs,
    heartbeatAtMs: nowMs,
  };
  let heartbeatAgeMs = 0;
  const db = openDatabase(databasePath);
  let permission: RestorePermission;
  try {
    permission = takeLeaseIf(db, ours, (current) => {
      const verdict = leaseVerdict(current, ttlMs, { host, nowMs, isPidAlive });
      if (verdict.kind !== 'free') heartbeatAgeMs = verdict.heartbeatAgeMs;
      return restorePermission(verdict, force, { host });
    });
  } finally {
    // Closed before the file is replaced: a connection left open on the old file would, when
    // closed later, remove the -wal/-shm files beside the new one.
    closeDatabase(db);
  }
  if (!permission.allowed) return { taken: false, refusal: permission, otherHost: permission.holder.host !== host };
  return {
    taken: true,
    overriding: permission.overriding ? { holder: permission.overriding, heartbeatAgeMs } : undefined,
    // For a restore that failed before replacing the file: the old file is usable again.
    release() {
      if (!existsSync(databasePath)) return;
      const again = openDatabase(databasePath);
      try {
        releaseLease(again, ours.instanceId);
      } finally {
        closeDatabase(again);
      }
    },
  };
}

/** Clears the lease a backup carries (the bot's, when taken while it ran) in the copy to restore. */
export function clearLeaseInFile(path: string): void {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    clearLeaseOf(sqlite);
  } finally {
    sqlite.close();
  }
}
