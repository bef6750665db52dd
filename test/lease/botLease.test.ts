// The bot's lease on a real database file: taken once, refused to a second holder, renewed by
// heartbeats that wait for a busy database off the event loop, and reported loudly when lost.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { setBusyTimeout } from '../../src/db/busy.ts';
import { closeDatabase, type Db, openDatabase } from '../../src/db/client.ts';
import { type BotLease, holdBotLease, LeaseHeldError } from '../../src/lease/botLease.ts';
import { readLease } from '../../src/lease/leaseStore.ts';
import { thisHost } from '../../src/lease/thisProcess.ts';
import { createLogger } from '../../src/log.ts';
import { type TempDb, tempDb } from '../support/db.ts';

const T0 = Date.parse('2026-12-03T08:00:00Z');

let t: TempDb;
const opened: Db[] = [];
const leases: BotLease[] = [];
afterEach(async () => {
  for (const lease of leases.splice(0)) await lease.release();
  for (const db of opened.splice(0)) closeDatabase(db);
  t?.cleanup();
});

function capturedLog() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write: (c, _e, cb) => {
        lines.push(JSON.parse(String(c)));
        cb();
      },
    }),
  });
  return { log, lines };
}

/** A second connection, as another process would have, waiting only as long as the bot does. */
function botConnection(): Db {
  const db = openDatabase(t.path);
  setBusyTimeout(db.$client, 20);
  opened.push(db);
  return db;
}

async function hold(db: Db, options: { ttlMs?: number; now?: () => number } = {}) {
  const { log, lines } = capturedLog();
  const lease = await holdBotLease({
    db,
    databasePath: t.path,
    ttlMs: options.ttlMs ?? 30_000,
    now: options.now ?? (() => T0),
    log,
  });
  leases.push(lease);
  return { lease, lines };
}

describe('holdBotLease', () => {
  it('records this process as the holder, refuses a second holder naming it, and frees the file on release', async () => {
    t = tempDb();
    const { lease } = await hold(botConnection());
    expect(readLease(t.db)).toMatchObject({
      command: 'start',
      pid: process.pid,
      host: thisHost(),
      startedAtMs: T0,
      heartbeatAtMs: T0,
    });

    const second = hold(botConnection(), { now: () => T0 + 4_000 });
    await expect(second).rejects.toBeInstanceOf(LeaseHeldError);
    await expect(second).rejects.toMatchObject({
      holder: { pid: process.pid, instanceId: lease.holder.instanceId },
      heartbeatAgeMs: 4_000,
      databasePath: t.path,
    });

    await lease.release();
    expect(readLease(t.db)).toBeUndefined();
    const third = await hold(botConnection());
    expect(readLease(t.db)?.instanceId).toBe(third.lease.holder.instanceId);
  });

  it('takes over a lease whose heartbeat is a TTL old, and says so', async () => {
    t = tempDb();
    t.db.$client
      .prepare("insert into bot_lease values (1, 'old', 'start', ?, 'another-host', ?, ?)")
      .run(process.pid, T0 - 90_000, T0 - 30_000);
    const { lease, lines } = await hold(botConnection());
    expect(readLease(t.db)?.instanceId).toBe(lease.holder.instanceId);
    expect(lines.find((l) => l.msg.startsWith('took over'))).toMatchObject({
      reason: 'expired',
      previous: { host: 'another-host' },
    });
  });

  it('a heartbeat renews the row with the wall clock it is given', async () => {
    t = tempDb();
    let now = T0;
    const { lease } = await hold(botConnection(), { now: () => now });
    now = T0 + 10_000;
    expect(await lease.beat()).toBe('renewed');
    expect(readLease(t.db)?.heartbeatAtMs).toBe(T0 + 10_000);
  });

  it('a heartbeat that finds the lease taken by another process logs an error and keeps the other row', async () => {
    t = tempDb();
    const { lease, lines } = await hold(botConnection());
    t.db.$client.prepare("update bot_lease set instance_id = 'usurper', pid = 1, host = 'office-2'").run();
    expect(await lease.beat()).toBe('lost');
    const loud = lines.find((l) => l.level === 50);
    expect(loud?.msg).toContain('bot lease lost');
    expect(loud).toMatchObject({ holder: { instanceId: 'usurper', host: 'office-2' }, database: t.path });
    await lease.release();
    expect(readLease(t.db)?.instanceId).toBe('usurper');
  });

  it('a heartbeat on a busy database waits on timers, not in SQLite: the event loop keeps running', async () => {
    t = tempDb();
    const { lease } = await hold(botConnection());
    // Another process (a CLI import) holds the write lock for a while.
    t.db.$client.exec('begin immediate');
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 5);
    const beat = lease.beat();
    await new Promise((r) => setTimeout(r, 150));
    const ticksWhileLocked = ticks;
    t.db.$client.exec('commit');
    expect(await beat).toBe('renewed');
    clearInterval(ticking);
    // A synchronous wait would have failed at once with SQLITE_BUSY (20 ms busy_timeout) or,
    // with a long one, frozen the loop: neither lets timers run while the lock is held.
    expect(ticksWhileLocked).toBeGreaterThan(0);
  });

  it('a heartbeat that stays busy past its budget gives up with a warning, and the next one renews', async () => {
    t = tempDb();
    let now = T0;
    const { lease, lines } = await hold(botConnection(), { ttlMs: 300, now: () => now });
    t.db.$client.exec('begin immediate');
    expect(await lease.beat()).toBe('busy');
    t.db.$client.exec('commit');
    expect(lines.find((l) => l.level === 40)?.msg).toContain('heartbeat not written');
    now = T0 + 200;
    expect(await lease.beat()).toBe('renewed');
    expect(readLease(t.db)?.heartbeatAtMs).toBe(T0 + 200);
  });
});
