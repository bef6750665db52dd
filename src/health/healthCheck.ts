// What /healthz reports: can the database take a write right now? A SELECT succeeds on a
// read-only file, a full disk and a database another process keeps locked, so the check makes a
// real write (one UPSERT of a settings row in an IMMEDIATE transaction) and looks at the free
// space in the database's folder. A busy database is waited for off the event loop, for a few
// seconds at most: a lock held longer than that is reported, not waited out.
import { statfs as statfsNode } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DatabaseBusyError, retryWhileBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';

/** The settings row the probe rewrites; its value is the instant of the last successful probe. */
export const HEALTH_PROBE_KEY = 'health.last_write_probe';

export type Statfs = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

type DatabaseState = 'ok' | 'read-only' | 'busy' | 'unreachable' | 'error';

export interface HealthReport {
  ok: boolean;
  /** Absent when the database was not probed (the disk check failed first). */
  database?: DatabaseState;
  /** Why not ok, in words an operator reads in a monitoring tool. */
  reason?: string;
  /** Free space in the database's folder (absent for an in-memory database). */
  freeMb?: number;
  outboxPending?: number;
}

export interface HealthCheckOptions {
  db: Db;
  /** Whose folder's free space counts; default: the file the connection has open. */
  databasePath?: string;
  minFreeMb: number;
  /** How long a busy database is waited for before it is reported (default 3 s). */
  busyBudgetMs?: number;
  statfs?: Statfs;
}

export interface HealthCheck {
  /** Concurrent calls share one probe. */
  check(now: Date): Promise<HealthReport>;
}

const MB = 1024 * 1024;

function freeMegabytes(stats: { bavail: number | bigint; bsize: number | bigint }): number {
  return Math.floor((Number(stats.bavail) * Number(stats.bsize)) / MB);
}

/** The operator's words for a failed write probe. */
function writeFailure(error: unknown): { database: DatabaseState; reason: string } {
  if (error instanceof DatabaseBusyError)
    return { database: 'busy', reason: `database busy for ${Math.max(1, Math.round(error.waitedMs / 1000))} s` };
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return { database: 'read-only', reason: 'database read-only' };
  if (code.startsWith('SQLITE_FULL')) return { database: 'error', reason: 'disk full' };
  const message = (error as Error | null)?.message ?? String(error);
  if (/not open/i.test(message)) return { database: 'unreachable', reason: 'database closed' };
  return { database: 'error', reason: `database error: ${code || message}`.slice(0, 200) };
}

export function createHealthCheck(options: HealthCheckOptions): HealthCheck {
  const { db, minFreeMb } = options;
  const statfs = options.statfs ?? statfsNode;
  const busyBudgetMs = options.busyBudgetMs ?? 3000;
  const path = options.databasePath ?? db.$client.name;
  const folder = path === ':memory:' || path === '' ? undefined : dirname(resolve(path));
  let running: Promise<HealthReport> | undefined;

  async function probe(now: Date): Promise<HealthReport> {
    let freeMb: number | undefined;
    if (folder) {
      freeMb = freeMegabytes(await statfs(folder));
      if (freeMb < minFreeMb) return { ok: false, reason: `disk almost full: ${freeMb} MB free`, freeMb };
    }
    const withFree = freeMb === undefined ? {} : { freeMb };
    try {
      await retryWhileBusy(
        () =>
          writeTransaction(db, (tx) =>
            tx
              .insert(settings)
              .values({ key: HEALTH_PROBE_KEY, value: now.toISOString() })
              .onConflictDoUpdate({ target: settings.key, set: { value: now.toISOString() } })
              .run(),
          ),
        { budgetMs: busyBudgetMs },
      );
    } catch (error) {
      return { ok: false, ...writeFailure(error), ...withFree };
    }
    const outboxPending = db.$client
      .prepare("select count(*) from outbox where state = 'pending'")
      .pluck()
      .get() as number;
    return { ok: true, database: 'ok', ...withFree, outboxPending };
  }

  return {
    check(now) {
      running ??= probe(now)
        .catch(
          (error: unknown): HealthReport => ({
            ok: false,
            reason: `health check failed: ${(error as Error).message}`.slice(0, 200),
          }),
        )
        .finally(() => {
          running = undefined;
        });
      return running;
    },
  };
}
