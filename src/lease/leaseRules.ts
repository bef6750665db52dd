// The rules of the database lease (one bot per database file), as pure functions on fixed
// instants. Reading the table, the clock, the host name and whether a pid lives are the caller's.
import type { LeaseCommand } from '../db/schema.ts';

/** The process that holds (or held) the lease: one row of `bot_lease`. */
export interface LeaseHolder {
  instanceId: string;
  command: LeaseCommand;
  pid: number;
  host: string;
  /** Wall-clock milliseconds. */
  startedAtMs: number;
  heartbeatAtMs: number;
}

/** Where the question is asked from: this machine and a way to see whether a pid runs on it. */
export interface HereAndNow {
  host: string;
  nowMs: number;
  isPidAlive(pid: number): boolean;
}

export type LeaseVerdict =
  | { kind: 'free' }
  | { kind: 'live'; holder: LeaseHolder; heartbeatAgeMs: number }
  /** A row remains but its holder is gone: `expired` by its heartbeat, or its pid is dead here. */
  | { kind: 'stale'; holder: LeaseHolder; reason: 'expired' | 'process-gone'; heartbeatAgeMs: number };

/**
 * Is the lease held? A holder on this host whose pid is not alive is dead at once (it was
 * SIGKILLed or crashed); any other holder is alive until its heartbeat is `ttlMs` old, which is
 * all we can know about a process on another machine. A pid reused by an unrelated process only
 * delays the takeover until the TTL. A heartbeat from the future (clocks of two hosts disagree)
 * counts as fresh: refusing to start is the safe mistake.
 */
export function leaseVerdict(holder: LeaseHolder | undefined, ttlMs: number, here: HereAndNow): LeaseVerdict {
  if (!holder) return { kind: 'free' };
  const heartbeatAgeMs = Math.max(0, here.nowMs - holder.heartbeatAtMs);
  if (holder.host === here.host && !here.isPidAlive(holder.pid)) {
    return { kind: 'stale', holder, reason: 'process-gone', heartbeatAgeMs };
  }
  if (heartbeatAgeMs >= ttlMs) return { kind: 'stale', holder, reason: 'expired', heartbeatAgeMs };
  return { kind: 'live', holder, heartbeatAgeMs };
}

/**
 * How often the holder renews: three beats per TTL, so one beat lost to a busy database (its
 * retries are bounded by the same interval) still leaves a fresh heartbeat before the TTL runs out.
 */
export function heartbeatIntervalMs(ttlMs: number): number {
  return Math.max(1, Math.floor(ttlMs / 3));
}

export type RestorePermission =
  | { allowed: true; overriding?: LeaseHolder }
  /** `running-here`: --force was given, but the holder's pid is alive on this host. */
  | { allowed: false; reason: 'running' | 'running-here'; holder: LeaseHolder; heartbeatAgeMs: number };

/**
 * May `restore` replace the file? Not while a holder is live. `--force` overrides a live lease
 * only when its holder is on another host, where we cannot see its pid and the operator vouches
 * that it is stopped. On this host a live verdict means the pid is alive, and no flag may restore
 * under a running bot: that is the silent loss this lease exists to prevent.
 */
export function restorePermission(
  verdict: LeaseVerdict,
  force: boolean,
  here: Pick<HereAndNow, 'host'>,
): RestorePermission {
  if (verdict.kind !== 'live') return { allowed: true };
  const { holder, heartbeatAgeMs } = verdict;
  if (!force) return { allowed: false, reason: 'running', holder, heartbeatAgeMs };
  if (holder.host === here.host) return { allowed: false, reason: 'running-here', holder, heartbeatAgeMs };
  return { allowed: true, overriding: holder };
}
