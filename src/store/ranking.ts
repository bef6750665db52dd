// Reads what the ranking (domain/ranking.ts) needs, for a day and the same day a week before,
// in one pass over the items due so far: each item's status on each day, its due dates, the day
// of its last change to done up to each day, its lead group and its responsible departments.
//
// A past day's status comes from the history: the status before the item's first status change
// after that day, or its current status when it has not changed since. An item loaded by an
// import after that day counts with the status the ledger gave it (the bot's history begins with
// the import, the office's work did not; `stats --as-of` reads the ledger the same way). So last
// week's ranking is recomputed, not stored: the movement needs no table of its own, and
// `stats --as-of` gets the same movement as the digest did.
import type { Db } from '../db/client.ts';
import { addDays } from '../domain/dates.ts';
import {
  createRankingTally,
  type Rankings,
  type RankingTally,
  rankingFacts,
  rankWithMovement,
} from '../domain/ranking.ts';
import type { IsoDate, Status } from '../domain/types.ts';
import { endOfDay, localDayOf } from './localDay.ts';

export interface RankingQuery {
  asOf: IsoDate;
  timeZone: string;
}

interface Row {
  status: Status;
  due: IsoDate | null;
  dueOn: IsoDate | null;
  groupCode: string | null;
  departments: string | null;
  lastDone: string | null;
  lastDonePrev: string | null;
  changedAfter: number;
  statusAfter: Status;
  changedAfterPrev: number;
  statusAfterPrev: Status;
}

// Department ids are joined with a character no name can hold, then looked up by id.
const SQL = `
with h as (
  select item_id,
         max(case when to_value = 'done' and from_value is not null and at < @end then at end) as lastDone,
         max(case when to_value = 'done' and from_value is not null and at < @endPrev then at end) as lastDonePrev,
         min(case when at >= @end then id end) as firstAfter,
         min(case when at >= @endPrev then id end) as firstAfterPrev
    from item_history where field = 'status'
   group by item_id)
select i.status, coalesce(i.original_due_on, i.due_on) as due, i.due_on as dueOn,
       g.code as groupCode,
       (select group_concat(department_id) from item_departments d where d.item_id = i.id) as departments,
       h.lastDone, h.lastDonePrev,
       h.firstAfter is not null as changedAfter,
       (select coalesce(from_value, to_value) from item_history x where x.id = h.firstAfter) as statusAfter,
       h.firstAfterPrev is not null as changedAfterPrev,
       (select coalesce(from_value, to_value) from item_history x where x.id = h.firstAfterPrev) as statusAfterPrev
  from items i
  join plans p on p.id = i.plan_id
  left join groups g on g.id = p.lead_group_id
  left join h on h.item_id = i.id
 where coalesce(i.original_due_on, i.due_on) <= @asOf or i.due_on < @asOf`;

export function loadRankings(db: Db, query: RankingQuery): Rankings {
  const { asOf, timeZone } = query;
  const previousAsOf = addDays(asOf, -7);
  const dayOf = localDayOf(timeZone);
  const names = new Map(
    (db.$client.prepare('select id, name from departments').all() as { id: number; name: string }[]).map((d) => [
      String(d.id),
      d.name,
    ]),
  );
  const tallies = {
    departments: createRankingTally(),
    groups: createRankingTally(),
    departmentsPrev: createRankingTally(),
    groupsPrev: createRankingTally(),
  };
  const rows = db.$client
    .prepare(SQL)
    .iterate({ asOf, end: endOfDay(asOf, timeZone), endPrev: endOfDay(previousAsOf, timeZone) }) as Iterable<Row>;
  for (const row of rows) {
    const departments = row.departments ? row.departments.split(',').map((id) => names.get(id) ?? id) : [];
    const add = (day: IsoDate, status: Status, lastDone: string | null, groups: RankingTally, depts: RankingTally) => {
      const facts = rankingFacts(
        { status, due: row.due, dueOn: row.dueOn, doneOn: lastDone ? dayOf(lastDone) : null },
        day,
      );
      if (row.groupCode !== null) groups.add(row.groupCode, facts);
      for (const d of departments) depts.add(d, facts);
    };
    add(asOf, row.changedAfter ? row.statusAfter : row.status, row.lastDone, tallies.groups, tallies.departments);
    add(
      previousAsOf,
      row.changedAfterPrev ? row.statusAfterPrev : row.status,
      row.lastDonePrev,
      tallies.groupsPrev,
      tallies.departmentsPrev,
    );
  }
  return {
    asOf,
    previousAsOf,
    departments: rankWithMovement(tallies.departments.units(), tallies.departmentsPrev.units()),
    groups: rankWithMovement(tallies.groups.units(), tallies.groupsPrev.units()),
  };
}
