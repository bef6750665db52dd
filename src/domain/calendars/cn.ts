// China's official working-day calendar for the years we hold the State Council notice for.
//
// Why bundled: the seed (2016) and the current year (2026) must work out of the box, and the
// dates are public law, not configuration. Other years fall back to Monday-Friday until the
// office adds a file (same format, see workdays.ts) and merges it with mergeCalendars.
// The JSON files are validated here, at import, so a bad edit fails the first test run.

import { calendarFromJson, mergeCalendars, type WorkCalendar } from '../workdays.ts';
import cn2016 from './cn-2016.json' with { type: 'json' };
import cn2026 from './cn-2026.json' with { type: 'json' };

export const CN_2016: WorkCalendar = calendarFromJson(cn2016);
export const CN_2026: WorkCalendar = calendarFromJson(cn2026);

/** Covers 2016 and 2026; dates in other years are Monday-Friday only. */
export const CN_CALENDAR: WorkCalendar = mergeCalendars(CN_2016, CN_2026);
