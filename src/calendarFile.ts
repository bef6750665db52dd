// Which working-day calendar the bot uses: REFORM_CALENDAR (a JSON file, see README "Working
// days") when set, otherwise the built-in Chinese public-holiday calendars.
import { readFileSync } from 'node:fs';
import { CN_CALENDAR } from './domain/calendars/cn.ts';
import { parseCalendar, type WorkCalendar } from './domain/workdays.ts';

export function loadCalendar(path: string | undefined): WorkCalendar {
  if (!path) return CN_CALENDAR;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`REFORM_CALENDAR: cannot read ${path}: ${(error as Error).message}`);
  }
  return parseCalendar(text);
}
