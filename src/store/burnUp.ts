// The item history summed per day (in the office's time zone) for the burn-up and the forecast
// (domain/forecast.ts), and the counts they are anchored at. One grouped scan of the status
// rows: a few thousand quarter hours cross into JS, not the 250,000 rows of a national ledger.
import type { Db } from '../db/client.ts';
import { type BurnUpPoint, burnUpSeries, type Forecast, forecastOf, type HistoryDay } from '../domain/forecast.ts';
import type { IsoDate } from '../domain/types.ts';
import { localDayOf } from './localDay.ts';

interface BurnUpInput {
  days: HistoryDay[];
  /** The ledger now: every item, and the done ones. */
  present: { done: number; total: number };
}

const PER_QUARTER_HOUR = `
select substr(at, 1, 16) as at,
       sum(to_value = 'done' and from_value is not null) as becameDone,
       sum(from_value = 'done' and to_value is not 'done') as leftDone
  from item_history where field = 'status'
 group by substr(at, 1, 14), cast(substr(at, 15, 2) as integer) / 15`;

function loadBurnUp(db: Db, timeZone: string): BurnUpInput {
  const dayOf = localDayOf(timeZone);
  const byDay = new Map<IsoDate, HistoryDay>();
  type Row = Omit<HistoryDay, 'day'> & { at: string };
  for (const row of db.$client.prepare(PER_QUARTER_HOUR).iterate() as Iterable<Row>) {
    const day = dayOf(`${row.at}:00.000Z`);
    let d = byDay.get(day);
    if (!d) {
      d = { day, becameDone: 0, leftDone: 0 };
      byDay.set(day, d);
    }
    d.becameDone += row.becameDone;
    d.leftDone += row.leftDone;
  }
  const present = db.$client
    .prepare("select count(*) as total, coalesce(sum(status = 'done'), 0) as done from items")
    .get() as { done: number; total: number };
  return { days: [...byDay.values()], present };
}

/** The burn-up's weekly points up to asOf and the forecast from them: what the digest and `stats` show. */
export function loadProgress(
  db: Db,
  query: { asOf: IsoDate; timeZone: string; targetOn: IsoDate },
): { burnUp: BurnUpPoint[]; forecast: Forecast } {
  const history = loadBurnUp(db, query.timeZone);
  const burnUp = burnUpSeries(history.days, history.present, query.asOf);
  const forecast = forecastOf(history.days, burnUp.at(-1) as BurnUpPoint, query.asOf, query.targetOn);
  return { burnUp, forecast };
}
