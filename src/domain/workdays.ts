// Working days under China's official holiday schedule (docs/PRACTICE.md rule 2: "reminders respect
// working days").
//
// Why a data-driven calendar: the State Council publishes each year's holidays and 调休
// make-up days (a Saturday or Sunday declared a working day) only a few weeks ahead, so
// they cannot be computed; the office loads them from a small JSON file (format below).
// Outside the listed dates the rule is simply Monday-Friday.

import { z } from 'zod';
import { fromEpochDay, isIsoDate, isWeekend, toEpochDay } from './dates.ts';
import type { IsoDate } from './types.ts';

export interface WorkCalendar {
  /** Days off (法定节假日 and the weekdays moved into a holiday break). Weekend dates allowed. */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Saturdays or Sundays that are working days (调休上班). */
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
}

/** Monday-Friday only; useful in tests and where no official calendar is configured. */
export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };

/** A holiday always wins over a make-up entry (parseCalendar refuses such overlaps anyway). */
export function isWorkday(cal: WorkCalendar, date: IsoDate): boolean {
  if (cal.holidays.has(date)) return false;
  if (cal.makeUpWorkdays.has(date)) return true;
  return !isWeekend(date);
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0). n = 0 returns `date`
 * unchanged even if it is not a working day, so callers never move a date by accident.
 * For n >= 0: workdaysBetween(cal, date, addWorkdays(cal, date, n)) === n.
 */
export function addWorkdays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = toEpochDay(date);
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    current = fromEpochDay(day);
    if (isWorkday(cal, current)) left -= 1;
  }
  return current;
}

/**
 * The number of working days d with from < d <= to: "how many working days pass between"
 * two dates. From Friday to the next Monday is 1; from a date to itself is 0; from Wednesday
 * to Saturday is 2. When `to` is before `from` the result is the negated count of
 * workdaysBetween(to, from), so the function is antisymmetric.
 *
 * Computed in closed form (weekdays by arithmetic, then the calendar's exceptions), not by
 * walking day by day, because statistics may evaluate it for every item of a large ledger.
 */
export function workdaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return -workdaysBetween(cal, to, from);
  let count = weekdaysUpTo(toEpochDay(to)) - weekdaysUpTo(toEpochDay(from));
  for (const h of cal.holidays) {
    if (h > from && h <= to && !isWeekend(h)) count -= 1;
  }
  for (const m of cal.makeUpWorkdays) {
    if (m > from && m <= to && isWeekend(m) && !cal.holidays.has(m)) count += 1;
  }
  return count;
}

/** Count of Monday-Friday days in (anchor, epochDay], for some fixed Monday anchor. */
function weekdaysUpTo(epochDay: number): number {
  const sinceMonday = epochDay - 4; // epoch day 4 is Monday 1970-01-05
  const weeks = Math.floor(sinceMonday / 7);
  const rest = sinceMonday - weeks * 7; // 0 = Monday ... 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

// ---------------------------------------------------------------------------------------
// The calendar file.
//
//   {
//     "name": "China 2026",                       optional, free text
//     "source": "国务院办公厅 2025-11-04",          optional, free text
//     "holidays": ["2026-01-01", "2026-01-02"],   required, YYYY-MM-DD
//     "makeUpWorkdays": ["2026-01-04"]            required, YYYY-MM-DD, Saturdays/Sundays only
//   }
//
// JSON rather than YAML: it has one obvious spelling, and offices can paste the official
// notice's dates without learning indentation rules. A make-up day on a weekday or a date in
// both lists is refused because it is always a typo, and a typo here would shift every
// reminder of the year silently.

const isoDate = z.string().refine(isIsoDate, {
  error: (issue) => `not a valid date: ${JSON.stringify(issue.input)}`,
});
const calendarFile = z
  .strictObject({
    name: z.string().optional(),
    source: z.string().optional(),
    holidays: z.array(isoDate),
    makeUpWorkdays: z.array(isoDate),
  })
  // Relations between the two lists. Zod also runs this when some dates were refused
  // above (those issues are already reported), so invalid dates are skipped here.
  .superRefine((file, ctx) => {
    const holidayAt = new Map(file.holidays.map((d, i) => [d, i]));
    file.makeUpWorkdays.forEach((d, i) => {
      const path = ['makeUpWorkdays', i];
      if (!isIsoDate(d)) return;
      if (!isWeekend(d)) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is a weekday, already a working day` });
      } else if (holidayAt.has(d)) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is also holidays[${holidayAt.get(d)}]` });
      }
    });
  });

/** Validates an already-parsed JSON value (e.g. a bundled calendar file). */
export function calendarFromJson(value: unknown): WorkCalendar {
  const parsed = calendarFile.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new Error(`invalid work calendar: ${lines.join('; ')}`);
  }
  return {
    holidays: new Set(parsed.data.holidays),
    makeUpWorkdays: new Set(parsed.data.makeUpWorkdays),
  };
}

/** Parses the calendar file's text. Errors name the field and index, e.g. `holidays[3]`. */
export function parseCalendar(text: string): WorkCalendar {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`invalid work calendar: not JSON (${(err as Error).message})`);
  }
  return calendarFromJson(value);
}

/** Union of several calendars, e.g. one file per year. */
export function mergeCalendars(...cals: WorkCalendar[]): WorkCalendar {
  const holidays = new Set<IsoDate>();
  const makeUpWorkdays = new Set<IsoDate>();
  for (const cal of cals) {
    for (const d of cal.holidays) holidays.add(d);
    for (const d of cal.makeUpWorkdays) makeUpWorkdays.add(d);
  }
  return { holidays, makeUpWorkdays };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
