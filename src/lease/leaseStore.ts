// The `bot_lease` row: read, take, renew, release. Each is one short write; the caller decides
// how to wait when the database is busy (src/db/busy.ts).

import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { botLease } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { LeaseHolder } from './leaseRules.ts';

const LEASE_ROW = 1;

export function readLease(db: Db): LeaseHolder | undefined {
  const row = db.select().from(botLease).where(eq(botLease.id, LEASE_ROW)).get();
  return row ? withoutId(row) : undefined;
}

/**
 * Reads the holder and, when `decide` lets it, writes `candidate` in its place, all under the
 * write lock (IMMEDIATE), so two processes starting together cannot both see the lease free.
 */
export function takeLeaseIf<T extends { allowed: boolean }>(
  db: Db,
  candidate: LeaseHolder,
  decide: (current: LeaseHolder | undefined) => T,
): T {
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(botLease).where(eq(botLease.id, LEASE_ROW)).get();
    const decision = decide(current ? withoutId(current) : undefined);
    if (decision.allowed) {
      const row = { id: LEASE_ROW, ...candidate };
      tx.insert(botLease).values(row).onConflictDoUpdate({ target: botLease.id, set: candidate }).run();
    }
    return decision;
  });
}

/** Renews our heartbeat; false when the row is no longer ours (another process took it). */
export function renewLease(db: Db, instanceId: string, nowMs: number): boolean {
  const result = db
    .update(botLease)
    .set({ heartbeatAtMs: nowMs })
    .where(and(eq(botLease.id, LEASE_ROW), eq(botLease.instanceId, instanceId)))
    .run();
  return result.changes === 1;
}

/** Gives the lease up, unless another process holds it by now (then it is theirs to keep). */
export function releaseLease(db: Db, instanceId: string): boolean {
  const result = db
    .delete(botLease)
    .where(and(eq(botLease.id, LEASE_ROW), eq(botLease.instanceId, instanceId)))
    .run();
  return result.changes === 1;
}

/**
 * Removes whatever lease a file carries, on a raw connection to a file that may predate the
 * lease table (an old backup). A backup taken while the bot ran holds the bot's row: restored
 * as is, the next start would see a lease copied from the past.
 */
export function clearLeaseOf(sqlite: Database.Database): void {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'bot_lease'").get();
  if (hasTable) sqlite.prepare('delete from bot_lease').run();
}

function withoutId(row: typeof botLease.$inferSelect): LeaseHolder {
  const { id: _id, ...holder } = row;
  return holder;
}
