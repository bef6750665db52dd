// Dates as offices write them in a ledger: 2016-06-30, 2016/6/30, 2016.6.30, 2016年6月30日,
// 2016年6月底 (end of June, common in plans: "6月底前完成"), and real Excel date cells.
// Impossible dates (2016-02-30) are refused, never rolled over into March.
import type { IsoDate } from '../domain/types.ts';
import type { Cell } from './rawRow.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoFrom(year: number, month: number, day: number): IsoDate | undefined {
  // Four-digit years only: string order must stay date order (see domain/dates.ts).
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Excel writes a date cell saved as CSV as `2016/6/30 0:00` when the cell shows a time.
const MIDNIGHT = String.raw`(?:\s+0?0:00(?::00)?)?`;
const ISO = /^\d{4}-\d\d-\d\d$/;
const NUMERIC = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${MIDNIGHT}$`);
// Excel's m/d/yyyy format saved as CSV writes what it shows: 5/31/2016 (US order, year last).
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${MIDNIGHT}$`);
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const END_OF_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*底$/;
const END_OF_YEAR = /^(\d{4})\s*年\s*底$/;

/** The date a text cell means, or undefined when it is not one of the accepted forms. */
export function parseDateText(text: string): IsoDate | undefined {
  const value = text.trim();
  // The common case, already YYYY-MM-DD: test() builds no match array (this runs per row).
  if (ISO.test(value)) return isoFrom(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  let m = NUMERIC.exec(value);
  if (m) return isoFrom(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YEAR_LAST.exec(value);
  // Month first, as Excel's m/d/yyyy writes it. Day-first text (30/06/2016) is not a form
  // Chinese offices use, and 05/06/2016 could be either: it is refused rather than guessed.
  if (m) return isoFrom(Number(m[3]), Number(m[1]), Number(m[2]));
  m = CHINESE.exec(value);
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
  m = END_OF_MONTH.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? isoFrom(year, month, daysInMonth(year, month)) : undefined;
  }
  m = END_OF_YEAR.exec(value);
  if (m) return isoFrom(Number(m[1]), 12, 31);
  return undefined;
}

/**
 * exceljs turns a date cell into the Date at UTC midnight of that day (Excel dates have no
 * zone), so the UTC calendar fields ARE the office's date; reading local fields would shift
 * it by a day west of Greenwich.
 */
export function dateFromExcel(date: Date): IsoDate | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return isoFrom(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A date cell of either kind. Numbers are refused: a bare 42551 is not a date anyone typed. */
export function parseDateCell(cell: Cell): IsoDate | undefined {
  if (cell instanceof Date) return dateFromExcel(cell);
  if (typeof cell === 'string') return parseDateText(cell);
  return undefined;
}

/** The Excel date cell for a date: UTC midnight, the inverse of dateFromExcel. */
export function excelDateOf(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
