// Calendar dates as `YYYY-MM-DD` strings (IsoDate).
//
// Why strings and not Date: due dates, issue dates and round dates are civil dates in the
// office's time zone. A JavaScript Date is an instant, and turning it into a day silently
// depends on the machine's zone. Keeping plain strings makes dates comparable with `<`,
// storable in SQLite as TEXT, and identical in tests and production. Arithmetic goes through
// "epoch days" (days since 1970-01-01, computed in UTC where no daylight saving exists).

import type { IsoDate } from './types.ts';

const DAY_MS = 86_400_000;
// Years 1000-9999 only: four digits without a leading zero keep string order equal to date
// order, and Date.UTC maps years 0-99 to 1900-1999, which would corrupt arithmetic.
const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** Days in `month` (1-12) of `year`, Gregorian leap rules. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (so 2016-02-30 is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Returns `value` as an IsoDate, or throws a RangeError that quotes it. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`not a valid date (expected YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return value;
}

/** Days since 1970-01-01. Throws on an invalid date, so arithmetic never yields garbage. */
export function toEpochDay(date: IsoDate): number {
  parseIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Inverse of toEpochDay. */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`not a whole day: ${epochDay}`);
  const iso = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
  return parseIsoDate(iso); // rejects results outside years 1000-9999
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * -1, 0 or 1, usable with Array.prototype.sort. Both arguments must be valid IsoDates;
 * the fixed-width format makes plain string order the date order, so no parsing is needed.
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday ... 6 = Saturday, like Date.prototype.getUTCDay. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 positive.
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/**
 * Moves by whole calendar months, clamping the day to the target month's length:
 * addMonths('2016-08-31', -6) is '2016-02-29'. Rounds use this for "issued at least six
 * months before": clamping never pushes the cut-off into the following month.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  parseIsoDate(date);
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  const result = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return parseIsoDate(result);
}

// One formatter per zone: constructing Intl.DateTimeFormat is far slower than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The civil date at instant `now` in an IANA time zone (e.g. 'Asia/Shanghai'). This is the
 * only bridge from instants to IsoDate: jobs receive `now` and call this once, so "today"
 * is the office's today, not the server's. Throws RangeError for an unknown zone.
 */
export function todayIn(now: Date, timeZone: string): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayIn: invalid Date');
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return parseIsoDate(`${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO instant as `2016-06-30 14:05` in the office's time zone, for people to read (cards,
 * sheets, CLI). An unparsable value comes back unchanged rather than as "Invalid Date".
 */
export function formatInstantIn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let fmt = instantFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    instantFormatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** How far the clock in `timeZone` is ahead of UTC at the instant `ms` (whole minutes). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const wall = formatInstantIn(new Date(ms).toISOString(), timeZone); // `YYYY-MM-DD HH:MM`
  return Date.parse(`${wall.replace(' ', 'T')}:00Z`) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant at which the office's clock in `timeZone` reads `hour:minute` on `date`: the
 * inverse of todayIn, for "09:00 on 2026-12-07 in Asia/Shanghai". The offset is read at a first
 * guess and read again there, so a day on which daylight saving starts or ends gets its own
 * offset; a time the clock skips (02:30 when it jumps from 02:00 to 03:00) comes out an hour on.
 */
export function instantAt(date: IsoDate, hour: number, minute: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`not a time of day: ${hour}:${minute}`);
  }
  const wallMs = toEpochDay(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  return new Date(wallMs - zoneOffsetMs(guess, timeZone));
}
