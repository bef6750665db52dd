import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, isDatabaseBusy, retryWhileBusy } from '../../src/db/busy.ts';

function lockedFile() {
  const path = join(mkdtempSync(join(tmpdir(), 'reform-busy-')), 'db.sqlite');
  const holder = new Database(path);
  holder.pragma('journal_mode = WAL');
  holder.exec('create table t (v integer)');
  const writer = new Database(path);
  writer.pragma('busy_timeout = 5');
  holder.exec('begin immediate');
  return { holder, writer };
}

describe('retryWhileBusy', () => {
  it('recognises SQLite busy and locked errors, and nothing else', () => {
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_LOCKED' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_READONLY' }))).toBe(false);
    expect(isDatabaseBusy(new Error('SQLITE_BUSY'))).toBe(false);
  });

  it('waits for the lock on timers, keeping the event loop free, and writes once it is released', async () => {
    const { holder, writer } = lockedFile();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    setTimeout(() => holder.exec('commit'), 200);
    const result = await retryWhileBusy(() => writer.prepare('insert into t values (1)').run().changes, {
      budgetMs: 3_000,
    });
    clearInterval(ticker);
    expect(result).toBe(1);
    // The loop ran between attempts: a synchronous wait of 200 ms would have allowed no ticks.
    expect(ticks).toBeGreaterThan(10);
  });

  it('gives up with DatabaseBusyError after its budget and leaves other errors alone', async () => {
    const { holder, writer } = lockedFile();
    await expect(
      retryWhileBusy(() => writer.prepare('insert into t values (1)').run(), { budgetMs: 100 }),
    ).rejects.toBeInstanceOf(DatabaseBusyError);
    holder.exec('commit');
    await expect(
      retryWhileBusy(() => writer.prepare('insert into nowhere values (1)').run(), { budgetMs: 100 }),
    ).rejects.toThrow(/no such table/);
  });

  it('lets only the first waiter probe a busy database, then the others follow in order', async () => {
    const { holder, writer } = lockedFile();
    let attempts = 0;
    const order: number[] = [];
    const insert = (n: number) => () => {
      attempts += 1;
      writer.prepare('insert into t values (?)').run(n);
      order.push(n);
      return n;
    };
    setTimeout(() => holder.exec('commit'), 400);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => retryWhileBusy(insert(n), { budgetMs: 5_000 })),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(order).toEqual(results);
    // Each probe blocks the loop for the busy timeout: twenty writers probing on their own would
    // have made well over a hundred attempts in 400 ms; one prober makes a handful, plus one each.
    expect(attempts).toBeLessThan(20 + 12);
  });
});
