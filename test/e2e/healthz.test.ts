// Issue 10 point 4: /healthz answers 503 with the reason when the database cannot take a write
// (read-only, busy past the probe's budget) or the disk is almost full; 200 when all is well.
// Through the real Bolt HTTP receiver (the app harness), as a monitoring tool would call it.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { BOT_BUSY_TIMEOUT_MS, setBusyTimeout } from '../../src/db/busy.ts';
import type { Db } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema.ts';
import { createHealthCheck, HEALTH_PROBE_KEY, type Statfs } from '../../src/health/healthCheck.ts';
import { startHarness } from '../support/appHarness.ts';
import { type TempDb, tempDb } from '../support/db.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A statfs reader reporting `mb` megabytes free (4 KiB blocks), as a nearly full disk would. */
const freeSpace =
  (mb: number): Statfs =>
  async () => ({ bavail: (mb * 1024 * 1024) / 4096, bsize: 4096 });

function database(): TempDb {
  const temp = tempDb();
  setBusyTimeout(temp.db.$client, BOT_BUSY_TIMEOUT_MS);
  cleanups.push(() => temp.cleanup());
  return temp;
}

async function healthz(
  db: Db,
  path: string,
  statfs: Statfs,
  busyBudgetMs?: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const health = createHealthCheck({
    db,
    databasePath: path,
    minFreeMb: parseConfig({}).HEALTH_MIN_FREE_MB,
    statfs,
    ...(busyBudgetMs ? { busyBudgetMs } : {}),
  });
  const harness = await startHarness({ db, env: { DATABASE_PATH: path }, deps: { health } });
  cleanups.push(() => harness.close());
  const response = await fetch(`${harness.baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/healthz', () => {
  it('answers 200 when a write goes through and the disk has room, and really wrote', async () => {
    const { db, path } = database();
    const { status, body } = await healthz(db, path, freeSpace(5000));
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, database: 'ok', freeMb: 5000, outboxPending: 0 });
    expect(db.$client.prepare('select value from settings where key = ?').pluck().get(HEALTH_PROBE_KEY)).toBeTypeOf(
      'string',
    );
  });

  it('answers 503 "database read-only" when the connection cannot write', async () => {
    const { path } = database();
    const readOnly = new Database(path, { readonly: true });
    cleanups.push(() => readOnly.close());
    const { status, body } = await healthz(drizzle(readOnly, { schema }) as Db, path, freeSpace(5000));
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, reason: 'database read-only' });
  });

  it('answers 503 with the free space when the disk is almost full (HEALTH_MIN_FREE_MB, default 100)', async () => {
    const { db, path } = database();
    const { status, body } = await healthz(db, path, freeSpace(42));
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, reason: 'disk almost full: 42 MB free', freeMb: 42 });
  });

  it('answers 503 "database busy for N s" when another process holds the write lock past the budget', async () => {
    const { db, path } = database();
    const other = new Database(path);
    other.exec('begin immediate');
    cleanups.push(() => other.close());
    cleanups.push(() => other.exec('rollback'));
    const { status, body } = await healthz(db, path, freeSpace(5000), 300);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, reason: expect.stringMatching(/^database busy for \d+ s$/) });
  });
});
