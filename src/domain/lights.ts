// Traffic lights on items (docs/PRACTICE.md rule 2).
//
//   green  - done, or not due within the yellow window, or no due date at all
//   yellow - not done and due today or within the next N working days (N = 3 by default)
//   red    - not done and the due date has passed (due before asOf)
//
// "Due today" is yellow, not red: the item can still be finished today. Red is decided by
// calendar date (overdue on a Sunday is still overdue); yellow counts working days, because
// a deadline on Monday seen on Friday leaves one working day, not three calendar days.

import { addDays, parseIsoDate } from './dates.ts';
import type { IsoDate, Light, Status } from './types.ts';
import { addWorkdays, type WorkCalendar, workdaysBetween } from './workdays.ts';

export interface LightInput {
  readonly status: Status;
  /** Must be a valid IsoDate (the store validates on write); compared as a string here. */
  readonly dueOn: IsoDate | null;
}

export const DEFAULT_YELLOW_WORKDAYS = 3;

/**
 * The last due date that is still yellow on `asOf`: the day before the (N+1)-th working day
 * after asOf. Every date d with asOf <= d <= horizon has workdaysBetween(asOf, d) <= N.
 */
export function yellowHorizon(asOf: IsoDate, cal: WorkCalendar, yellowWorkdays = DEFAULT_YELLOW_WORKDAYS): IsoDate {
  if (!Number.isInteger(yellowWorkdays) || yellowWorkdays < 0) {
    throw new RangeError(`yellowWorkdays must be a whole number >= 0, got ${yellowWorkdays}`);
  }
  return addDays(addWorkdays(cal, parseIsoDate(asOf), yellowWorkdays + 1), -1);
}

/**
 * A light function for one `asOf`, for classifying many items: the working-day window is
 * computed once, after which each item costs two string comparisons.
 */
export function lightClassifier(
  asOf: IsoDate,
  cal: WorkCalendar,
  yellowWorkdays = DEFAULT_YELLOW_WORKDAYS,
): (item: LightInput) => Light {
  const horizon = yellowHorizon(asOf, cal, yellowWorkdays);
  return ({ status, dueOn }) => {
    if (status === 'done' || dueOn === null) return 'green';
    if (dueOn < asOf) return 'red';
    return dueOn <= horizon ? 'yellow' : 'green';
  };
}

export function lightOf(
  item: LightInput,
  asOf: IsoDate,
  cal: WorkCalendar,
  yellowWorkdays = DEFAULT_YELLOW_WORKDAYS,
): Light {
  return lightClassifier(asOf, cal, yellowWorkdays)(item);
}

/**
 * Working days lost since the due date: workdaysBetween(dueOn, asOf), or 0 when not overdue
 * or undated. Due Friday, seen Monday: 1. Seen on the Saturday after: 0 although the light
 * is already red - no working day has been lost yet.
 */
export function overdueWorkdays(dueOn: IsoDate | null, asOf: IsoDate, cal: WorkCalendar): number {
  if (dueOn === null || dueOn >= asOf) return 0;
  return workdaysBetween(cal, dueOn, asOf);
}
