// Coalesces App Home refreshes. A change re-publishes the Homes of everyone it concerns (about
// five people), and at 250,000 items building one Home reads thousands of rows: refreshing on
// every click, on the thread that acknowledges Slack, stopped the bot at 10 clicks a second. So a
// listener only *requests* refreshes (returns at once), and this schedules them:
//
// - a request opens a window (windowMs); every request for the same person until the window
//   closes is merged, so a burst of clicks publishes each Home once, built after the last change;
// - a request for a person whose Home is being built right now schedules exactly one more
//   (the build may have read the ledger before the change);
// - at most `maxPending` people wait (the rest are dropped and logged: their tab is rebuilt
//   fresh whenever they open it), and at most `concurrency` refreshes run at once;
// - stop() drops what waits and lets the refreshes already running finish (bounded).
import type { Logger } from '../log.ts';

export interface HomeRefresherOptions {
  windowMs: number;
  maxPending: number;
  concurrency: number;
  /**
   * Builds and publishes one person's Home; a rejection is logged, not retried. `signal` aborts
   * when stop() gives up waiting: the refresh should then neither build nor publish any more.
   */
  refresh(userId: string, signal: AbortSignal): Promise<void>;
  log: Logger;
}

export interface HomeRefresher {
  /** Asks for these people's Homes to be re-published soon. Never waits, never throws. */
  request(userIds: readonly string[]): void;
  /** Closes the current window now and resolves when nothing waits or runs (tests, benches). */
  flush(): Promise<void>;
  /** Drops waiting refreshes, refuses new ones, and waits up to `graceMs` for running ones. */
  stop(graceMs?: number): Promise<void>;
  /** People waiting (in the window, queued, or due again after their running refresh). */
  pending(): number;
}

export function startHomeRefresher(options: HomeRefresherOptions): HomeRefresher {
  /** Requested in the current window. */
  const waiting = new Set<string>();
  /** Window closed: waiting for a free slot. A request for one of these is already served. */
  const queued = new Set<string>();
  const running = new Map<string, Promise<void>>();
  /** Requested while their refresh was running: one more after it. */
  const again = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const abandon = new AbortController();
  let dropped = 0;
  /** Inside flush(): a person due again is queued at once instead of opening a new window. */
  let draining = false;
  let idleWaiters: (() => void)[] = [];

  const pendingCount = () => waiting.size + queued.size + again.size;

  function openWindow(): void {
    if (timer || stopped || waiting.size === 0) return;
    timer = setTimeout(closeWindow, options.windowMs);
    // A pending refresh must not keep a stopping process alive.
    timer.unref();
  }

  function closeWindow(): void {
    timer = undefined;
    for (const userId of waiting) queued.add(userId);
    waiting.clear();
    if (dropped > 0) {
      options.log.warn(
        { dropped, maxPending: options.maxPending },
        'App Home refreshes dropped: too many people waiting',
      );
      dropped = 0;
    }
    pump();
  }

  function pump(): void {
    for (const userId of queued) {
      if (running.size >= options.concurrency) break;
      queued.delete(userId);
      const run = options
        .refresh(userId, abandon.signal)
        .catch((error: unknown) => {
          options.log.warn({ userId, err: (error as Error).message }, 'App Home refresh failed');
        })
        .finally(() => {
          running.delete(userId);
          if (again.delete(userId) && !stopped) {
            if (draining) queued.add(userId);
            else {
              waiting.add(userId);
              openWindow();
            }
          }
          pump();
        });
      running.set(userId, run);
    }
    if (running.size === 0 && pendingCount() === 0) {
      draining = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  return {
    request(userIds) {
      if (stopped) return;
      for (const userId of new Set(userIds)) {
        if (waiting.has(userId) || queued.has(userId) || again.has(userId)) continue;
        if (pendingCount() >= options.maxPending) {
          dropped += 1;
          continue;
        }
        if (running.has(userId)) again.add(userId);
        else waiting.add(userId);
      }
      openWindow();
    },
    flush() {
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      draining = true;
      if (timer) clearTimeout(timer);
      closeWindow();
      return idle;
    },
    async stop(graceMs = 5_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      waiting.clear();
      queued.clear();
      again.clear();
      const releaseFlushes = () => {
        for (const resolve of idleWaiters.splice(0)) resolve();
      };
      if (running.size === 0) return releaseFlushes();
      let grace: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        grace = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...running.values()]), timeout]);
      clearTimeout(grace);
      if (running.size > 0) {
        abandon.abort(new Error('App Home refresher stopped'));
        options.log.warn({ unfinished: running.size }, 'shutdown: App Home refreshes still running were left');
      }
      releaseFlushes();
    },
    pending: pendingCount,
  };
}
