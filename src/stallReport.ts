// Opt-in measurement of how long the bot's event loop stood still (REFORM_STALL_REPORT=<file>),
// for the contention run (contention/run.ts): a stall freezes every acknowledgement, so its
// longest one is a figure the run holds to a target. Off in production: nothing is started
// unless the variable names a file.
//
// Two views of the same thing: a timer that should fire every `tickMs` and notes by how much it
// was late (with the wall-clock instant, so the run can keep only the stalls inside its load
// window), and perf_hooks' event-loop delay histogram as a cross-check. The file is rewritten
// every few seconds (a SIGKILLed bot still leaves its figures up to then) and once at stop.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Stalls shorter than this are scheduling noise, not worth an entry of their own. */
export const STALL_NOTE_MS = 50;
/** At most this many stalls are listed (the longest are kept); the maximum is always exact. */
const MAX_NOTED = 500;

export interface Stall {
  /** Wall-clock milliseconds (epoch) when the loop ran again. */
  at: number;
  ms: number;
}

export interface StallFigures {
  /** Longest lateness of the timer, in ms. */
  maxMs: number;
  /** Stalls of at least STALL_NOTE_MS, in the order they happened. */
  stalls: Stall[];
  /** perf_hooks' histogram, in ms. */
  delay: { p50: number; p99: number; max: number };
  /** Wall-clock epoch ms: when measuring started and when these figures were taken. */
  since: number;
  until: number;
}

/** Pure: the lateness record after one more tick. Keeps the longest MAX_NOTED stalls, in order. */
export function noteTick(stalls: Stall[], late: Stall): Stall[] {
  if (late.ms < STALL_NOTE_MS) return stalls;
  const next = [...stalls, late];
  if (next.length <= MAX_NOTED) return next;
  const shortest = next.reduce((min, s, i) => ((next[min] as Stall).ms <= s.ms ? min : i), 0);
  return next.filter((_, i) => i !== shortest);
}

export interface StallReport {
  figures(): StallFigures;
  /** Stops measuring and writes the file one last time. */
  stop(): void;
}

export interface StallReportOptions {
  tickMs?: number;
  writeEveryMs?: number;
  /** The wall clock, for the instants written to the file. */
  wallNow?: () => number;
}

export function startStallReport(file: string, options: StallReportOptions = {}): StallReport {
  const tickMs = options.tickMs ?? 10;
  const wallNow = options.wallNow ?? Date.now;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const since = wallNow();
  let stalls: Stall[] = [];
  let maxMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const late = Math.max(0, now - last - tickMs);
    last = now;
    if (late > maxMs) maxMs = late;
    stalls = noteTick(stalls, { at: wallNow(), ms: Math.round(late) });
  }, tickMs);
  ticker.unref();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  const figures = (): StallFigures => ({
    maxMs: Math.round(maxMs),
    stalls,
    delay: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
    since,
    until: wallNow(),
  });
  const write = () => writeFileSync(file, `${JSON.stringify(figures())}\n`);
  const writer = setInterval(write, options.writeEveryMs ?? 5000);
  writer.unref();
  write();
  return {
    figures,
    stop() {
      clearInterval(ticker);
      clearInterval(writer);
      write();
      histogram.disable();
    },
  };
}
