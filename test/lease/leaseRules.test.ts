// The lease's rules on fixed instants: who counts as running, and when --force may restore.
import { describe, expect, it } from 'vitest';
import { heartbeatIntervalMs, type LeaseHolder, leaseVerdict, restorePermission } from '../../src/lease/leaseRules.ts';

const TTL = 30_000;
const NOW = Date.parse('2026-12-03T08:00:00Z');
const holder = (over: Partial<LeaseHolder> = {}): LeaseHolder => ({
  instanceId: 'i-1',
  command: 'start',
  pid: 4242,
  host: 'office-1',
  startedAtMs: Date.parse('2026-12-03T07:00:00Z'),
  heartbeatAtMs: NOW - 5_000,
  ...over,
});
const alive = () => true;
const dead = () => false;
const here = (isPidAlive: (pid: number) => boolean, host = 'office-1') => ({ host, nowMs: NOW, isPidAlive });

describe('leaseVerdict', () => {
  it('no row: free', () => {
    expect(leaseVerdict(undefined, TTL, here(alive))).toEqual({ kind: 'free' });
  });

  it('same host, pid alive, heartbeat 5 s old: live, with the heartbeat age', () => {
    expect(leaseVerdict(holder(), TTL, here(alive))).toMatchObject({ kind: 'live', heartbeatAgeMs: 5_000 });
  });

  it('same host, pid gone: stale at once, however fresh the heartbeat (SIGKILL, crash)', () => {
    const pids: number[] = [];
    const verdict = leaseVerdict(
      holder({ heartbeatAtMs: NOW }),
      TTL,
      here((pid) => {
        pids.push(pid);
        return false;
      }),
    );
    expect(verdict).toMatchObject({ kind: 'stale', reason: 'process-gone' });
    expect(pids).toEqual([4242]);
  });

  it('same host, pid alive (or reused) but heartbeat a TTL old: stale (expired)', () => {
    expect(leaseVerdict(holder({ heartbeatAtMs: NOW - TTL }), TTL, here(alive))).toMatchObject({
      kind: 'stale',
      reason: 'expired',
      heartbeatAgeMs: TTL,
    });
    expect(leaseVerdict(holder({ heartbeatAtMs: NOW - TTL + 1 }), TTL, here(alive)).kind).toBe('live');
  });

  it('another host: its pid is never looked up here; live until the TTL, then expired', () => {
    const lookedUp: number[] = [];
    const probe = (pid: number) => {
      lookedUp.push(pid);
      return false;
    };
    expect(leaseVerdict(holder({ heartbeatAtMs: NOW - 29_999 }), TTL, here(probe, 'office-2')).kind).toBe('live');
    expect(leaseVerdict(holder({ heartbeatAtMs: NOW - 30_000 }), TTL, here(probe, 'office-2'))).toMatchObject({
      kind: 'stale',
      reason: 'expired',
    });
    expect(lookedUp).toEqual([]);
  });

  it('a heartbeat from the future (clock skew between hosts) is fresh, age 0', () => {
    expect(leaseVerdict(holder({ heartbeatAtMs: NOW + 60_000 }), TTL, here(alive, 'office-2'))).toMatchObject({
      kind: 'live',
      heartbeatAgeMs: 0,
    });
  });
});

describe('heartbeatIntervalMs', () => {
  it('beats three times per TTL', () => {
    expect(heartbeatIntervalMs(30_000)).toBe(10_000);
    expect(heartbeatIntervalMs(1_000)).toBe(333);
  });
});

describe('restorePermission', () => {
  const live = leaseVerdict(holder(), TTL, here(alive));
  const liveElsewhere = leaseVerdict(holder({ host: 'office-2' }), TTL, here(dead));

  it('free or stale: allowed, without --force', () => {
    expect(restorePermission({ kind: 'free' }, false, { host: 'office-1' })).toEqual({ allowed: true });
    expect(restorePermission(leaseVerdict(holder(), TTL, here(dead)), false, { host: 'office-1' })).toEqual({
      allowed: true,
    });
  });

  it('live: refused, naming the holder', () => {
    expect(restorePermission(live, false, { host: 'office-1' })).toMatchObject({
      allowed: false,
      reason: 'running',
      holder: { pid: 4242 },
    });
    expect(restorePermission(liveElsewhere, false, { host: 'office-1' })).toMatchObject({
      allowed: false,
      reason: 'running',
    });
  });

  it('--force never restores under a live pid on this host', () => {
    expect(restorePermission(live, true, { host: 'office-1' })).toMatchObject({
      allowed: false,
      reason: 'running-here',
      heartbeatAgeMs: 5_000,
    });
  });

  it('--force overrides a live lease held on another host (the operator vouches it is stopped)', () => {
    expect(restorePermission(liveElsewhere, true, { host: 'office-1' })).toMatchObject({
      allowed: true,
      overriding: { host: 'office-2' },
    });
  });
});
