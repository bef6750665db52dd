// Excel date serials: days since an epoch, the fraction being the time of day. The 1900 system
// counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February 1900 (day 60) that
// never was, so from day 61 on day 0 is really 1899-12-30. The 1904 system (old Mac
// workbooks) counts from 1904-01-01 as day 0 and has no such day.

const DAY_MS = 86_400_000;
/** 9999-12-31, the last day Excel shows, in each system. */
const LAST_DAY_1900 = 2_958_465;
const LAST_DAY_1904 = LAST_DAY_1900 - 1462;

/**
 * The day a serial shows, as a Date at UTC midnight (the ledger keeps days, not times), or
 * undefined for a number Excel cannot show as a date (negative or past 9999). Day 60 comes out
 * as 1900-03-01, the day after Excel's 1900-02-28.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date | undefined {
  // Milliseconds first: 0.99999999999 of a day is the next midnight as Excel rounds it.
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (!Number.isFinite(day) || day < 0 || day > (date1904 ? LAST_DAY_1904 : LAST_DAY_1900)) return undefined;
  if (date1904) return new Date(Date.UTC(1904, 0, 1 + day));
  return new Date(Date.UTC(1899, 11, day < 61 ? 31 + day : 30 + day));
}
