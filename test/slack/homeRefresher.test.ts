// The coalescing App Home refresher on its own, on a fake clock: merging within a window, one
// more refresh for a person asked for while theirs runs, the cap on waiting people and on
// concurrency, and stop().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { startHomeRefresher } from '../../src/slack/homeRefresher.ts';

interface Run {
  userId: string;
  finish: () => void;
  fail: (error: Error) => void;
  signal: AbortSignal;
}

function world(options: { windowMs?: number; maxPending?: number; concurrency?: number } = {}) {
  const started: Run[] = [];
  const warnings: string[] = [];
  const log = createLogger({ level: 'silent' });
  log.warn = ((_fields: unknown, message: string) => void warnings.push(message)) as typeof log.warn;
  const refresher = startHomeRefresher({
    windowMs: options.windowMs ?? 1000,
    maxPending: options.maxPending ?? 100,
    concurrency: options.concurrency ?? 2,
    log,
    refresh: (userId, signal) =>
      new Promise<void>((resolve, reject) => started.push({ userId, finish: resolve, fail: reject, signal })),
  });
  /** Lets promise callbacks (a finished refresh's bookkeeping) run. */
  const settle = () => vi.advanceTimersByTimeAsync(0);
  return { refresher, started, warnings, settle, who: () => started.map((r) => r.userId) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startHomeRefresher', () => {
  it('returns at once and refreshes nobody before the window closes', () => {
    const w = world();
    w.refresher.request(['U1', 'U2']);
    expect(w.started).toHaveLength(0);
    vi.advanceTimersByTime(999);
    expect(w.started).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(w.who()).toEqual(['U1', 'U2']);
  });

  it('merges every request for a person within the window into one refresh', async () => {
    const w = world({ concurrency: 10 });
    for (let i = 0; i < 20; i++) {
      w.refresher.request(['U1', 'U2', 'U1']);
      vi.advanceTimersByTime(40);
    }
    vi.advanceTimersByTime(1000);
    expect(w.who().sort()).toEqual(['U1', 'U2']);
    for (const run of w.started) run.finish();
    await w.settle();
    vi.advanceTimersByTime(5000);
    expect(w.started).toHaveLength(2);
  });

  it('schedules exactly one more refresh for a person asked for while theirs runs, after it', async () => {
    const w = world();
    w.refresher.request(['U1']);
    vi.advanceTimersByTime(1000);
    expect(w.who()).toEqual(['U1']);
    // The running build may have read the ledger before these changes.
    w.refresher.request(['U1']);
    w.refresher.request(['U1']);
    expect(w.refresher.pending()).toBe(1);
    // Never two builds of one Home at once: the older view could be published last.
    vi.advanceTimersByTime(5000);
    expect(w.started).toHaveLength(1);
    w.started[0]!.finish();
    await w.settle();
    expect(w.started).toHaveLength(1); // a new window opens
    vi.advanceTimersByTime(1000);
    expect(w.who()).toEqual(['U1', 'U1']);
    w.started[1]!.finish();
    await w.settle();
    vi.advanceTimersByTime(5000);
    expect(w.started).toHaveLength(2);
    expect(w.refresher.pending()).toBe(0);
  });

  it('runs at most `concurrency` refreshes at once; the others start as slots free', async () => {
    const w = world({ concurrency: 2 });
    w.refresher.request(['U1', 'U2', 'U3', 'U4', 'U5']);
    vi.advanceTimersByTime(1000);
    expect(w.who()).toEqual(['U1', 'U2']);
    w.refresher.request(['U4']); // already queued: merged, not added again
    w.started[0]!.finish();
    await w.settle();
    expect(w.who()).toEqual(['U1', 'U2', 'U3']);
    w.started[1]!.finish();
    w.started[2]!.finish();
    await w.settle();
    expect(w.who()).toEqual(['U1', 'U2', 'U3', 'U4', 'U5']);
  });

  it('keeps at most `maxPending` people waiting and says how many it dropped', () => {
    const w = world({ maxPending: 3, concurrency: 10 });
    w.refresher.request(['U1', 'U2', 'U3', 'U4', 'U5']);
    expect(w.refresher.pending()).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(w.who()).toEqual(['U1', 'U2', 'U3']);
    expect(w.warnings).toEqual(['App Home refreshes dropped: too many people waiting']);
  });

  it('a failed refresh is logged and does not hold up the others', async () => {
    const w = world({ concurrency: 1 });
    w.refresher.request(['U1', 'U2']);
    vi.advanceTimersByTime(1000);
    w.started[0]!.fail(new Error('views.publish: invalid_auth'));
    await w.settle();
    expect(w.warnings).toEqual(['App Home refresh failed']);
    expect(w.who()).toEqual(['U1', 'U2']);
  });

  it('stop() drops what waits, refuses new requests and waits for what runs', async () => {
    const w = world({ concurrency: 1 });
    w.refresher.request(['U1', 'U2']);
    vi.advanceTimersByTime(1000);
    w.refresher.request(['U3']);
    let stopped = false;
    const stopping = w.refresher.stop(5000).then(() => (stopped = true));
    await w.settle();
    expect(stopped).toBe(false); // U1 is still being published
    expect(w.refresher.pending()).toBe(0);
    w.started[0]!.finish();
    await stopping;
    w.refresher.request(['U4']);
    vi.advanceTimersByTime(10_000);
    expect(w.who()).toEqual(['U1']);
  });

  it('stop() gives up on a refresh that hangs after its grace, and tells it to stop', async () => {
    const w = world();
    w.refresher.request(['U1']);
    vi.advanceTimersByTime(1000);
    const stopping = w.refresher.stop(3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(w.started[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(stopping).resolves.toBeUndefined();
    // The refresh must not build on the main thread nor publish after the pool and database closed.
    expect(w.started[0]!.signal.aborted).toBe(true);
    expect(w.warnings).toContain('shutdown: App Home refreshes still running were left');
  });
});
