// The running bot's side of the lease: take it at start (before Slack is contacted), renew it
// from an unref'd timer, give it up on stop. The bot's connection waits only a moment for the
// write lock (BOT_BUSY_TIMEOUT_MS), so every lease write goes through retryWhileBusy: a CLI
// command holding the lock delays a heartbeat without ever freezing the event loop.
import { CLI_WRITE_LOCK_BUDGET_MS, DatabaseBusyError, retryWhileBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { heartbeatIntervalMs, type LeaseHolder, leaseVerdict } from './leaseRules.ts';
import { readLease, releaseLease, renewLease, takeLeaseIf } from './leaseStore.ts';
import { isPidAlive, newInstanceId, thisHost } from './thisProcess.ts';

/** Taking the lease at start may wait out a few CLI transactions; nothing is acknowledged yet. */
const TAKE_BUDGET_MS = 3 * CLI_WRITE_LOCK_BUDGET_MS;
/** Stop must finish within the service's stop timeout; an unreleased lease expires anyway. */
const RELEASE_BUDGET_MS = 2_000;

/** Another process holds a live lease on the database: `start` refuses and names it. */
export class LeaseHeldError extends Error {
  constructor(
    readonly holder: LeaseHolder,
    readonly heartbeatAgeMs: number,
    readonly databasePath: string,
  ) {
    super(
      `${databasePath} is held by pid ${holder.pid} on ${holder.host} ` +
        `(reform-bot ${holder.command}, last heartbeat ${Math.round(heartbeatAgeMs / 1000)} s ago)`,
    );
    this.name = 'LeaseHeldError';
  }
}

type BeatOutcome = 'renewed' | 'lost' | 'busy';

export interface BotLease {
  readonly holder: LeaseHolder;
  /** One heartbeat now (the timer calls it every TTL/3). */
  beat(): Promise<BeatOutcome>;
  /** Stops the heartbeat and deletes our row; never throws. */
  release(): Promise<void>;
}

export interface BotLeaseOptions {
  db: Db;
  databasePath: string;
  ttlMs: number;
  /** The wall clock, even under FAST_CLOCK: a lease's age is compared across processes. */
  now: () => number;
  log: Logger;
}

/** Takes the lease or throws LeaseHeldError; then keeps it renewed until `release`. */
export async function holdBotLease(options: BotLeaseOptions): Promise<BotLease> {
  const { db, ttlMs, now, log } = options;
  const nowMs = now();
  const host = thisHost();
  const holder: LeaseHolder = {
    instanceId: newInstanceId(),
    command: 'start',
    pid: process.pid,
    host,
    startedAtMs: nowMs,
    heartbeatAtMs: nowMs,
  };
  const verdict = await retryWhileBusy(
    () =>
      takeLeaseIf(db, holder, (current) => {
        const found = leaseVerdict(current, ttlMs, { host, nowMs, isPidAlive });
        return { allowed: found.kind !== 'live', found };
      }).found,
    { budgetMs: TAKE_BUDGET_MS },
  );
  if (verdict.kind === 'live') throw new LeaseHeldError(verdict.holder, verdict.heartbeatAgeMs, options.databasePath);
  if (verdict.kind === 'stale') {
    log.warn(
      { previous: verdict.holder, reason: verdict.reason, heartbeatAgeMs: verdict.heartbeatAgeMs },
      'took over the lease of a bot that is no longer running',
    );
  }

  const intervalMs = heartbeatIntervalMs(ttlMs);
  const stopping = new AbortController();
  let inFlight: Promise<BeatOutcome> | undefined;

  async function beatOnce(): Promise<BeatOutcome> {
    try {
      // Bounded by the interval: the next beat starts from a settled one, and two beats in a
      // row that both fail still leave the last heartbeat younger than the TTL.
      const renewed = await retryWhileBusy(() => renewLease(db, holder.instanceId, now()), {
        budgetMs: intervalMs,
        signal: stopping.signal,
      });
      if (renewed) return 'renewed';
      log.error(
        { database: options.databasePath, ours: holder, holder: safeRead(db) ?? null },
        'bot lease lost: another process took this database (it found our heartbeat too old). Two bots may be running on one file; stop one',
      );
      return 'lost';
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      log.warn(
        { waitedMs: error.waitedMs, ttlMs },
        'lease heartbeat not written: the database stayed busy; retrying at the next beat',
      );
      return 'busy';
    }
  }

  const beat = (): Promise<BeatOutcome> => {
    inFlight ??= beatOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const timer = setInterval(() => {
    beat().catch((error: unknown) => log.error({ err: error }, 'lease heartbeat failed'));
  }, intervalMs);
  timer.unref();

  let released = false;
  return {
    holder,
    beat,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      stopping.abort();
      await inFlight?.catch(() => undefined);
      try {
        await retryWhileBusy(() => releaseLease(db, holder.instanceId), { budgetMs: RELEASE_BUDGET_MS });
      } catch (error) {
        log.warn({ err: error, ttlMs }, 'lease not released; it expires by itself after the TTL');
      }
    },
  };
}

/** For the loud log line only: a failure to read must not hide the failure we report. */
function safeRead(db: Db): LeaseHolder | undefined {
  try {
    return readLease(db);
  } catch {
    return undefined;
  }
}
