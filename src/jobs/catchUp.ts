// node-cron does not run what was missed while the process was down. On start (and whenever
// node-cron reports a missed execution) we look back CATCH_UP_HOURS for the latest cron slot
// that has no completed job_runs row, and run that one slot - once: older missed slots of the
// same job are superseded by it (a reminder or digest for an earlier period is no longer news).
//
// Slots are found with node-cron's own matcher (a task's `match`), walking back minute by
// minute, so catch-up agrees with what cron would have fired - including node-cron's reading of
// day-of-month AND day-of-week, which other cron libraries interpret differently.
import cron from 'node-cron';
import type { Db } from '../db/client.ts';
import { doneSlotsBetween } from '../store/jobRuns.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface SlotMatcher {
  /** True when the cron expression fires at this instant (to the second) in its time zone. */
  match(instant: Date): boolean;
  /** Seconds within a minute the expression can fire at (`[0]` for five-field expressions). */
  seconds: readonly number[];
  /** Minutes of the UTC hour it can fire at (see utcMinutesOf); the walk asks `match` only about these. */
  utcMinutes: ReadonlySet<number>;
}

/**
 * The minutes of the UTC hour at which a local minute in `localMinutes` can fall, in any time
 * zone whose offset from UTC is a whole number of quarter hours (every zone in use: +05:45,
 * +08:00, -03:30). A daily `0 9 * * *` is then asked about 4 minutes an hour instead of 60:
 * node-cron's `match` formats the instant in the zone each time, and walking 24 hours minute by
 * minute for each job took about 60 ms a job at start-up, before /healthz could answer.
 */
function utcMinutesOf(localMinutes: readonly number[]): Set<number> {
  const minutes = new Set<number>();
  for (const local of localMinutes)
    for (let quarter = 0; quarter < 4; quarter++) minutes.add((local + 60 - quarter * 15) % 60);
  return minutes;
}

export function cronMatcher(expression: string, timezone: string): SlotMatcher {
  // A throwaway task gives access to node-cron's matcher; destroying it unregisters it.
  const task = cron.createTask(expression, () => undefined, { timezone });
  const match = task.match.bind(task);
  void task.destroy();
  const fields = cron.parse(expression);
  const seconds = [...fields.second].sort((a, b) => a - b);
  return { match, seconds, utcMinutes: utcMinutesOf(fields.minute) };
}

/**
 * Slots in (from, to], newest first, lazily: the caller usually needs only the first one or two.
 */
export function* slotsBackwards(matcher: SlotMatcher, from: Date, to: Date): Generator<Date> {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const descending = [...matcher.seconds].reverse();
  for (let minute = Math.floor(toMs / MINUTE_MS) * MINUTE_MS; minute + 59_000 > fromMs; minute -= MINUTE_MS) {
    if (!matcher.utcMinutes.has((minute / MINUTE_MS) % 60)) continue;
    for (const second of descending) {
      const at = minute + second * 1000;
      if (at > toMs || at <= fromMs) continue;
      const instant = new Date(at);
      if (matcher.match(instant)) yield instant;
    }
  }
}

/** The latest slot within the last `hours` before `now` whose run did not complete, if any. */
export function missedSlot(db: Db, job: string, matcher: SlotMatcher, now: Date, hours: number): Date | undefined {
  if (hours <= 0) return undefined;
  const from = new Date(now.getTime() - hours * HOUR_MS);
  const done = doneSlotsBetween(db, job, from, now);
  for (const slot of slotsBackwards(matcher, from, now)) {
    if (!done.has(slot.toISOString())) return slot;
  }
  return undefined;
}
