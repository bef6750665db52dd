// Instants of the item history (ISO text in UTC) as days in the office's time zone, for the
// ranking and the burn-up. Every time zone's offset is a whole number of quarter hours, so all
// instants of one UTC quarter hour fall on the same local day: one Intl call per quarter hour,
// however many thousand rows an import wrote at the same instant.
import { addDays, instantAt, todayIn } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';

/** `2026-11-30T01:07` → the quarter hour's key `2026-11-30T01:0` (minutes 00-14 → 0 …). */
function quarterKey(iso: string): string {
  return `${iso.slice(0, 14)}${Math.floor(Number(iso.slice(14, 16)) / 15)}`;
}

export function localDayOf(timeZone: string): (iso: string) => IsoDate {
  const cache = new Map<string, IsoDate>();
  return (iso) => {
    const key = quarterKey(iso);
    let day = cache.get(key);
    if (day === undefined) {
      day = todayIn(new Date(iso), timeZone);
      cache.set(key, day);
    }
    return day;
  };
}

/** The first instant after `day` in the time zone, as history `at` text: `at < endOf(day)` is "on or before day". */
export function endOfDay(day: IsoDate, timeZone: string): string {
  return instantAt(addDays(day, 1), 0, 0, timeZone).toISOString();
}
