// The last day of a period written as plans write deadlines: a day, a month, a quarter, a
// half year or a year. A deadline of "June" means "by the end of June", so a month, quarter or
// year stands for its last day. Input is already squeezed (ASCII digits, no spaces, lower case)
// and stripped of a trailing 前.
import { daysInMonth, isIsoDate } from '../../domain/dates.ts';
import type { IsoDate } from '../../domain/types.ts';
import { parseDateText } from '../parseDate.ts';
import { chineseNumeral } from './chineseNumeral.ts';

// 底 and 末 both mean "end of"; 月份 is "the month of"; 年度 is "the year of".
const YEAR_MONTH_NUMERIC = /^(\d{4})[-/.](\d{1,2})$/;
const YEAR_MONTH = /^(\d{4})年(\d{1,2})月份?[底末]?$/;
const YEAR = /^(\d{4})年度?(?:年?[底末])?$/;
const QUARTER = /^(\d{4})年?(?:第?([一二三四1-4])季度|q([1-4]))[底末]?$/;
const HALF_YEAR = /^(\d{4})年?([上下])半年[底末]?$/;

/** The period's last day, or undefined for text that names none or names an impossible one. */
export function lastDayOfPeriod(compact: string): IsoDate | undefined {
  // Whole days first, in the one grammar the ledger already has (it refuses 2016-02-30).
  const day = parseDateText(compact);
  if (day !== undefined) return day;

  let m = YEAR_MONTH_NUMERIC.exec(compact) ?? YEAR_MONTH.exec(compact);
  if (m) return endOfMonth(Number(m[1]), Number(m[2]));
  m = YEAR.exec(compact);
  if (m) return endOfMonth(Number(m[1]), 12);
  m = QUARTER.exec(compact);
  if (m) {
    const quarter = m[3] !== undefined ? Number(m[3]) : (chineseNumeral(m[2]!) ?? Number(m[2]));
    return endOfMonth(Number(m[1]), quarter * 3);
  }
  m = HALF_YEAR.exec(compact);
  if (m) return endOfMonth(Number(m[1]), m[2] === '上' ? 6 : 12);
  return undefined;
}

function endOfMonth(year: number, month: number): IsoDate | undefined {
  if (month < 1 || month > 12) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}`;
  // isIsoDate keeps the ledger's four-digit-year rule (0999年 is refused like 0999-12-31).
  return isIsoDate(date) ? date : undefined;
}
