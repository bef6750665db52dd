// The items a person answers for (`/reform mine`, App Home): those of their departments and those
// of the plans their group leads (as leader, deputy or liaison). Closed-out plans are left out:
// nothing is left to do there.
import type { Db } from '../db/client.ts';
import type { Person } from '../domain/permissions.ts';
import type { IsoDate, Status } from '../domain/types.ts';

export interface MyItem {
  id: number;
  planCode: string;
  code: string;
  title: string;
  dueOn: IsoDate | null;
  status: Status;
  version: number;
}

export function myItems(db: Db, person: Person): MyItem[] {
  const depts = [...person.departmentIds];
  const grps = [...person.groupIds];
  if (depts.length === 0 && grps.length === 0) return [];
  const marks = (n: number) => Array(n).fill('?').join(',');
  // Two indexed lookups (plans by lead group, links by department) rather than a test of every
  // item: at 250,000 items the old `... or exists (...)` scanned the whole ledger for each person
  // (about 110 ms for a member of one department), once per App Home refresh.
  const sql = `
    select i.id, p.code as planCode, i.code, i.title, i.due_on as dueOn, i.status, i.version
      from items i join plans p on p.id = i.plan_id
     where i.id in (select gi.id from plans gp join items gi on gi.plan_id = gp.id
                     where gp.lead_group_id in (${marks(grps.length) || 'null'})
                    union
                    select d.item_id from item_departments d
                     where d.department_id in (${marks(depts.length) || 'null'}))
       and p.stage <> 'closed' and p.closed_on is null`;
  return db.$client.prepare(sql).all(...grps, ...depts) as MyItem[];
}
