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
  const sql = `
    select i.id, p.code as planCode, i.code, i.title, i.due_on as dueOn, i.status, i.version
      from items i join plans p on p.id = i.plan_id
     where p.stage <> 'closed' and p.closed_on is null
       and (p.lead_group_id in (${marks(grps.length) || 'null'})
            or exists (select 1 from item_departments d
                        where d.item_id = i.id and d.department_id in (${marks(depts.length) || 'null'})))`;
  return db.$client.prepare(sql).all(...grps, ...depts) as MyItem[];
}
