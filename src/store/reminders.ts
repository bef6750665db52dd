// The deadline-reminder sweep (docs/PRACTICE.md rule 2): every red or yellow item of an open plan, with who
// must hear about it. One streaming query over the items due by the yellow horizon (index
// items_due), the org tables read once into maps, and everything grouped in memory by person
// and by group - so a 250,000-item ledger is swept in well under a second.
import type { Db } from '../db/client.ts';
import type { IsoDate, Light, Status } from '../domain/types.ts';

export interface ReminderItem {
  id: number;
  version: number;
  planCode: string;
  itemCode: string;
  title: string;
  dueOn: IsoDate;
  status: Exclude<Status, 'done'>;
  light: Exclude<Light, 'green'>;
  groupId: number | null;
}

interface ReminderGroup {
  id: number;
  code: string;
  name: string;
  /** Leaders and deputies (组长, 副组长): they are reminded of the whole group's items. */
  leaders: string[];
}

/** Every list is worst first: by due date (overdue ones first, the oldest first), then item id. */
export interface ReminderSweep {
  /** Responsible people (members of the item's departments) and their items. */
  byPerson: Map<string, ReminderItem[]>;
  /** Each group with red or yellow items, and those items. */
  byGroup: Map<number, ReminderItem[]>;
  groups: Map<number, ReminderGroup>;
  /** Every red or yellow item, for the admins' overdue report. */
  items: ReminderItem[];
}

export interface SweepQuery {
  /** Items due on or before this day (the yellow horizon) and not done. */
  horizon: IsoDate;
  /** Decides red / yellow / green for an item; green ones are skipped. */
  light: (item: { status: Status; dueOn: IsoDate }) => Light;
}

function membersByKey(db: Db, sql: string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const [key, userId] of db.$client.prepare(sql).raw(true).iterate() as Iterable<[number, string]>) {
    const list = map.get(key);
    if (list) list.push(userId);
    else map.set(key, [userId]);
  }
  return map;
}

export function sweepReminders(db: Db, query: SweepQuery): ReminderSweep {
  const deptMembers = membersByKey(
    db,
    'select department_id, user_id from department_members order by department_id, user_id',
  );
  const groupLeaders = membersByKey(
    db,
    "select group_id, user_id from group_members where role in ('leader', 'deputy') group by group_id, user_id order by group_id, user_id",
  );
  const groups = new Map<number, ReminderGroup>();
  for (const [id, code, name] of db.$client
    .prepare('select id, code, name from groups')
    .raw(true)
    .iterate() as Iterable<[number, string, string]>) {
    groups.set(id, { id, code, name, leaders: groupLeaders.get(id) ?? [] });
  }

  const sweep: ReminderSweep = { byPerson: new Map(), byGroup: new Map(), groups, items: [] };
  // Closed plans (stage closed, or a close-out date) are never reminded. One row per item and
  // responsible department, in item order (a plain scan of items: when a large part of the
  // ledger is due by the horizon, walking the due-date index costs more than it saves).
  const rows = db.$client
    .prepare(
      `select i.id, i.version, p.code, i.code, i.title, i.due_on, i.status, p.lead_group_id, d.department_id
         from items i not indexed
         join plans p on p.id = i.plan_id
         left join item_departments d on d.item_id = i.id
        where i.due_on is not null and i.due_on <= ? and i.status <> 'done'
          and p.stage <> 'closed' and p.closed_on is null
        order by i.id`,
    )
    .raw(true);
  type Row = [number, number, string, string, string, IsoDate, Status, number | null, number | null];
  // Per item only its department ids (usually one): a Set of people per item would cost more
  // memory than the item itself over 70,000 red and yellow items.
  const found: { item: ReminderItem; depts: number[] }[] = [];
  let current: { item: ReminderItem; depts: number[] } | undefined;
  let lastId = -1;
  for (const [id, version, planCode, itemCode, title, dueOn, status, groupId, dept] of rows.iterate(
    query.horizon,
  ) as Iterable<Row>) {
    if (id !== lastId) {
      lastId = id;
      current = undefined;
      const light = query.light({ status, dueOn });
      if (light === 'green' || status === 'done') continue;
      current = { item: { id, version, planCode, itemCode, title, dueOn, status, light, groupId }, depts: [] };
      found.push(current);
    }
    if (current && dept !== null) current.depts.push(dept);
  }
  // Worst first, once: red is exactly "due before today" and yellow "due today or later", so
  // (due date, id) order is worst-first order. Every list below is built in it, already sorted.
  found.sort((a, b) => (a.item.dueOn === b.item.dueOn ? a.item.id - b.item.id : a.item.dueOn < b.item.dueOn ? -1 : 1));
  for (const { item, depts } of found) {
    sweep.items.push(item);
    for (const dept of depts) {
      for (const userId of deptMembers.get(dept) ?? []) {
        const list = sweep.byPerson.get(userId);
        if (!list) sweep.byPerson.set(userId, [item]);
        // A person in two of the item's departments hears of it once: items arrive one at a time,
        // so a repeat is always the list's last entry.
        else if (list[list.length - 1] !== item) list.push(item);
      }
    }
    if (item.groupId !== null && groups.has(item.groupId)) {
      const list = sweep.byGroup.get(item.groupId);
      if (list) list.push(item);
      else sweep.byGroup.set(item.groupId, [item]);
    }
  }
  return sweep;
}
