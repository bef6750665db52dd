// While `restore` replaces the file it holds the lease itself: a bot starting in that moment
// refuses, naming the restore, and a restore that fails gives the file back.
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { holdBotLease, LeaseHeldError } from '../../src/lease/botLease.ts';
import { readLease } from '../../src/lease/leaseStore.ts';
import { takeRestoreLease } from '../../src/lease/restoreLease.ts';
import { createLogger } from '../../src/log.ts';
import { type TempDb, tempDb } from '../support/db.ts';

const T0 = Date.parse('2026-12-03T08:00:00Z');
const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

let t: TempDb;
afterEach(() => t?.cleanup());

describe('takeRestoreLease', () => {
  it('holds the file for the restore: a bot starting meanwhile refuses, naming `restore`; release frees it', async () => {
    t = tempDb();
    const lease = takeRestoreLease({ databasePath: t.path, ttlMs: 30_000, nowMs: T0, force: false });
    expect(lease.taken).toBe(true);
    expect(readLease(t.db)).toMatchObject({ command: 'restore', pid: process.pid });
    const start = holdBotLease({ db: t.db, databasePath: t.path, ttlMs: 30_000, now: () => T0 + 1_000, log: silent });
    await expect(start).rejects.toBeInstanceOf(LeaseHeldError);
    await expect(start).rejects.toMatchObject({ holder: { command: 'restore' } });
    if (lease.taken) lease.release();
    expect(readLease(t.db)).toBeUndefined();
  });

  it('no database file yet: nothing to hold, and no file is created', () => {
    t = tempDb();
    const missing = `${t.dir}/not-yet.db`;
    const lease = takeRestoreLease({ databasePath: missing, ttlMs: 30_000, nowMs: T0, force: false });
    expect(lease.taken).toBe(true);
    expect(existsSync(missing)).toBe(false);
  });
});
