// "As of today" in the office: the date in REFORM_TZ, its working-day calendar and the yellow
// threshold N (REFORM_YELLOW_WORKDAYS). Every light, statistic and overdue count is computed
// against these three together; assembling them by hand in each caller let one of them drift
// (a wall-clock date, a default N). Pure: the instant is passed in.
import { todayIn } from './dates.ts';
import { type LightInput, lightClassifier } from './lights.ts';
import type { IsoDate, Light } from './types.ts';
import type { WorkCalendar } from './workdays.ts';

/** Shaped like the statistics queries' input, so it can be passed to them as is. */
export interface AsOfToday {
  asOf: IsoDate;
  calendar: WorkCalendar;
  yellowWorkdays: number;
}

/** What the bot's dependencies and a job's context both carry; SlackDeps and JobContext fit. */
export interface OfficeSettings {
  config: { REFORM_TZ: string; REFORM_YELLOW_WORKDAYS: number };
  calendar: WorkCalendar;
}

export function asOfToday(now: Date, office: OfficeSettings): AsOfToday {
  return {
    asOf: todayIn(now, office.config.REFORM_TZ),
    calendar: office.calendar,
    yellowWorkdays: office.config.REFORM_YELLOW_WORKDAYS,
  };
}

/** Traffic lights as of that day. */
export function lightsAsOf(today: AsOfToday): (item: LightInput) => Light {
  return lightClassifier(today.asOf, today.calendar, today.yellowWorkdays);
}
