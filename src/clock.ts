// The bot's clock: what time it is and how to wait. Production reads the wall clock. FAST_CLOCK
// (the chaos run, demonstrations; never production) gives the whole bot - scheduler, dispatcher,
// listeners - a virtual time that runs `speed` times faster than the wall clock from an anchor, so
// days of reminders, digests and follow-ups happen in minutes. The anchor is a fixed pair
// (virtual instant, real instant): every process started with the same FAST_CLOCK reads the same
// virtual time, so the time keeps going across restarts and downtime passes as it would.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Clock {
  now(): Date;
  /** Waits `ms` of this clock's time (resolves early when `signal` aborts). */
  sleep: Sleep;
  /** Clock milliseconds per wall-clock millisecond: 1 for the wall clock. */
  speed: number;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export const wallClock: Clock = { now: () => new Date(), sleep: realSleep, speed: 1 };

export interface FastClockSpec {
  speed: number;
  /** The virtual instant the clock read at `realStart`. */
  start: Date;
  realStart: Date;
}

/**
 * A wait on a fast clock never lasts less than this much real time: the dispatcher's 5-second
 * poll would otherwise spin every few real milliseconds at speed 1000.
 */
export const FAST_SLEEP_FLOOR_MS = 20;

export function fastClock(spec: FastClockSpec, realNow: () => number = Date.now, sleepReal: Sleep = realSleep): Clock {
  const { speed } = spec;
  const start = spec.start.getTime();
  const realStart = spec.realStart.getTime();
  return {
    speed,
    now: () => new Date(start + (realNow() - realStart) * speed),
    sleep: (ms, signal) => sleepReal(Math.max(FAST_SLEEP_FLOOR_MS, ms / speed), signal),
  };
}

/**
 * `<speed>,<virtual start>[,<real start>]`, instants in ISO 8601 with an offset, e.g.
 * `1440,2026-11-29T20:00:00+08:00,2026-05-01T10:00:00Z`. Without a real start the clock starts
 * when the process reads it. Returns the problem as text when the value is malformed.
 */
export function parseFastClock(text: string, realNow: () => number = Date.now): FastClockSpec | string {
  const [speedText = '', startText = '', realText, ...rest] = text.split(',').map((part) => part.trim());
  const usage = 'expected <speed>,<virtual start>[,<real start>], e.g. 1440,2026-11-29T20:00:00+08:00';
  if (rest.length > 0 || startText === '') return usage;
  const speed = Number(speedText);
  if (!Number.isFinite(speed) || speed < 1 || speed > 100_000)
    return `speed must be a number from 1 to 100000 (${usage})`;
  const instant = (value: string) =>
    /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : new Date(Number.NaN);
  const start = instant(startText);
  if (Number.isNaN(start.getTime())) return `virtual start is not an ISO instant with an offset (${usage})`;
  const realStart = realText === undefined ? new Date(realNow()) : instant(realText);
  if (Number.isNaN(realStart.getTime())) return `real start is not an ISO instant with an offset (${usage})`;
  return { speed, start, realStart };
}
