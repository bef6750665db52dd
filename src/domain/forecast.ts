// The burn-up and the forecast (docs/PRACTICE.md rule 13, README "Progress chart"): how many items were done at the end of
// each week against all items, the pace of the last four weeks, the day the remaining items would
// be done at that pace, and the pace needed to finish by the office's target date.
//
// The series is anchored at today's counts and walked back through the item history: the items
// done at the end of a past day are today's done items minus the changes to done after that day
// plus the changes away from done (a returned item) after it. An item counts from the start with
// the status the ledger first gave it: the bot's history begins with the import, the office's
// work did not (the same reading as `stats --as-of`, and as the ranking's). So the total is
// today's, and items that came in done raise the line from the start, not on the day of the import.
//
// Pace counts net completions: changes to done minus changes away from done in the last 28 days,
// ÷ 4.
import { addDays, daysBetween } from './dates.ts';
import type { IsoDate } from './types.ts';

/** What the history says about one day (in the office's time zone). */
export interface HistoryDay {
  day: IsoDate;
  /** Existing items changed to done. */
  becameDone: number;
  /** Items changed from done to another status. */
  leftDone: number;
}

export interface BurnUpPoint {
  day: IsoDate;
  done: number;
  total: number;
}

const PACE_WEEKS = 4;
/** The chart shows at most this many weeks back (a year), however long the history. */
export const MAX_WEEKS_SHOWN = 52;

/**
 * One point per week ending on `asOf` (asOf, asOf − 7, …), from the week of the first day the
 * history knows (the first import; at most MAX_WEEKS_SHOWN back), the oldest first; the last point
 * is asOf's counts. `present` is the ledger's done and total count now, after every day of `days`.
 */
export function burnUpSeries(
  days: readonly HistoryDay[],
  present: { done: number; total: number },
  asOf: IsoDate,
): BurnUpPoint[] {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = sorted[0] && sorted[0].day < asOf ? sorted[0].day : asOf;
  const weeks = Math.min(MAX_WEEKS_SHOWN, Math.ceil(daysBetween(first, asOf) / 7));
  const ends = Array.from({ length: weeks + 1 }, (_, k) => addDays(asOf, -7 * (weeks - k)));
  // Walk back from today: subtract what happened after each week's end.
  const points: BurnUpPoint[] = [];
  let done = present.done;
  let i = sorted.length - 1;
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k] as IsoDate;
    for (; i >= 0 && (sorted[i] as HistoryDay).day > end; i--) {
      const d = sorted[i] as HistoryDay;
      done -= d.becameDone - d.leftDone;
    }
    points.push({ day: end, done, total: present.total });
  }
  return points.reverse();
}

type Projection =
  | { kind: 'finished' }
  /** No net completion in the last four weeks: no date can be projected. */
  | { kind: 'stalled' }
  | { kind: 'on'; finishOn: IsoDate };

type Needed =
  | { kind: 'finished' }
  | { kind: 'targetPassed' }
  /** Items per week from asOf to the target date, one decimal, rounded up. */
  | { kind: 'perWeek'; perWeek: number };

export interface Forecast {
  asOf: IsoDate;
  targetOn: IsoDate;
  done: number;
  total: number;
  remaining: number;
  /** Net completions per week over the last four weeks, one decimal. */
  pace: number;
  projection: Projection;
  needed: Needed;
}

const ceilTenth = (x: number) => Math.ceil(x * 10 - 1e-9) / 10;

/** `atAsOf`: the done and total count at the end of asOf (the burn-up's last point). */
export function forecastOf(
  days: readonly HistoryDay[],
  atAsOf: { done: number; total: number },
  asOf: IsoDate,
  targetOn: IsoDate,
): Forecast {
  const since = addDays(asOf, -7 * PACE_WEEKS);
  let net = 0;
  for (const d of days) if (d.day > since && d.day <= asOf) net += d.becameDone - d.leftDone;
  const perWeek = net / PACE_WEEKS;
  const remaining = atAsOf.total - atAsOf.done;
  const projection: Projection =
    remaining <= 0
      ? { kind: 'finished' }
      : perWeek <= 0
        ? { kind: 'stalled' }
        : { kind: 'on', finishOn: addDays(asOf, Math.ceil((remaining / perWeek) * 7)) };
  const daysLeft = daysBetween(asOf, targetOn);
  const needed: Needed =
    remaining <= 0
      ? { kind: 'finished' }
      : daysLeft <= 0
        ? { kind: 'targetPassed' }
        : { kind: 'perWeek', perWeek: ceilTenth((remaining * 7) / daysLeft) };
  return {
    asOf,
    targetOn,
    done: atAsOf.done,
    total: atAsOf.total,
    remaining: Math.max(0, remaining),
    pace: Math.round(perWeek * 10) / 10,
    projection,
    needed,
  };
}
