// What a person's App Home shows, read in one go: their own items by traffic light, the plans of
// the groups they lead, deputise or liaise for, and for office admins the overall figures.
// Rows are summarised here (counts + the few most urgent items) so the builder stays small and a
// person responsible for thousands of items costs a handful of blocks.
import type { Db } from '../db/client.ts';
import type { GroupRole } from '../db/schema.ts';
import { lightClassifier } from '../domain/lights.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import type { Stats } from '../domain/stats.ts';
import type { IsoDate, Light, Status } from '../domain/types.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import { myItems } from './mine.ts';
import { loadPerson } from './people.ts';
import { loadReviewer, type PendingReview, pendingReviewsFor } from './reviews.ts';
import { loadStats } from './stats.ts';

export interface WorkItem {
  id: number;
  version: number;
  planCode: string;
  itemCode: string;
  title: string;
  dueOn: IsoDate | null;
  status: Status;
  light: Light;
}

export interface LightSummary {
  total: number;
  done: number;
  counts: Record<Light, number>;
  /** The most urgent not-done items per light: most overdue first, then soonest due. */
  top: Record<Light, WorkItem[]>;
}

export interface PlanProgress {
  code: string;
  title: string;
  items: number;
  done: number;
  started: number;
  notStarted: number;
  lights: Record<Light, number>;
}

export interface GroupProgress {
  code: string;
  name: string;
  roles: GroupRole[];
  /** Plans not closed out, in natural code order. */
  plans: PlanProgress[];
  closedPlans: number;
}

interface ClosablePlan {
  code: string;
  title: string;
  items: number;
}

export interface HomeData {
  asOf: IsoDate;
  isAdmin: boolean;
  departments: string[];
  mine: LightSummary;
  groups: GroupProgress[];
  admin?: { stats: Stats; closable: ClosablePlan[] };
  /** Claims waiting for this person's review (README "Review of claimed results"), when they review any. */
  reviews?: { rows: PendingReview[]; total: number; timeZone: string };
}

/** Claims a Home lists with their buttons; the rest are counted. */
const HOME_REVIEW_LIMIT = 5;

export interface HomeQuery {
  asOf: IsoDate;
  calendar: WorkCalendar;
  yellowWorkdays: number;
  /** How many items per light the summary keeps (the Home shows them with buttons). */
  topPerLight?: Partial<Record<Light, number>>;
  /** How many closable plans an admin's Home names. */
  closableLimit?: number;
  /** Overall figures computed once for several admins' Homes in one refresh. */
  overallStats?: () => Stats;
  /** REFORM_TZ, for the instants the Home shows (when a claim was made). */
  timeZone?: string;
}

export const DEFAULT_TOP: Record<Light, number> = { red: 5, yellow: 5, green: 3 };

export function loadHome(db: Db, userId: string, query: HomeQuery): HomeData {
  const person = loadPerson(db, userId);
  const classify = lightClassifier(query.asOf, query.calendar, query.yellowWorkdays);
  // The same items as `/reform mine`, so the Home and the command never disagree.
  const mine = summariseByLight(
    myItems(db, person).map(({ code, ...r }) => ({ ...r, itemCode: code, light: classify(r) })),
    { ...DEFAULT_TOP, ...query.topPerLight },
  );
  const groups = groupProgress(db, userId, classify);
  const departments = (
    db.$client
      .prepare(
        `select d.name from department_members m join departments d on d.id = m.department_id where m.user_id = ? order by d.name`,
      )
      .all(userId) as { name: string }[]
  ).map((r) => r.name);
  const data: HomeData = { asOf: query.asOf, isAdmin: person.isAdmin, departments, mine, groups };
  const reviews = pendingReviewsFor(db, loadReviewer(db, userId), HOME_REVIEW_LIMIT);
  if (reviews.total > 0) data.reviews = { ...reviews, timeZone: query.timeZone ?? 'Asia/Shanghai' };
  if (person.isAdmin) {
    const stats =
      query.overallStats?.() ??
      loadStats(db, { asOf: query.asOf, calendar: query.calendar, yellowWorkdays: query.yellowWorkdays });
    data.admin = { stats, closable: closablePlans(db, stats.closablePlanCodes, query.closableLimit ?? 20) };
  }
  return data;
}

const byDue = (a: WorkItem, b: WorkItem) =>
  (a.dueOn ?? '9999-12-31') < (b.dueOn ?? '9999-12-31')
    ? -1
    : (a.dueOn ?? '9999-12-31') > (b.dueOn ?? '9999-12-31')
      ? 1
      : compareNatural(`${a.planCode}#${a.itemCode}`, `${b.planCode}#${b.itemCode}`);

/** Counts per light, and the `top[light]` most urgent not-done items of each. */
export function summariseByLight(items: readonly WorkItem[], top: Record<Light, number>): LightSummary {
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
  const open: Record<Light, WorkItem[]> = { red: [], yellow: [], green: [] };
  let done = 0;
  for (const item of items) {
    counts[item.light] += 1;
    if (item.status === 'done') done += 1;
    else open[item.light].push(item);
  }
  return {
    total: items.length,
    done,
    counts,
    top: {
      red: open.red.sort(byDue).slice(0, top.red),
      yellow: open.yellow.sort(byDue).slice(0, top.yellow),
      green: open.green.sort(byDue).slice(0, top.green),
    },
  };
}

function groupProgress(db: Db, userId: string, classify: ReturnType<typeof lightClassifier>): GroupProgress[] {
  const memberships = db.$client
    .prepare(
      `select g.id, g.code, g.name, m.role from group_members m join groups g on g.id = m.group_id where m.user_id = ?`,
    )
    .all(userId) as { id: number; code: string; name: string; role: GroupRole }[];
  const groups = new Map<number, GroupProgress>();
  for (const m of memberships) {
    const g = groups.get(m.id) ?? { code: m.code, name: m.name, roles: [], plans: [], closedPlans: 0 };
    g.roles.push(m.role);
    groups.set(m.id, g);
  }
  if (groups.size === 0) return [];
  const ids = [...groups.keys()];
  const plans = new Map<number, PlanProgress & { groupId: number; closed: boolean }>();
  const rows = db.$client
    .prepare(
      `select p.id as planId, p.code, p.title, p.stage, p.lead_group_id as groupId, i.status, i.due_on as dueOn
         from plans p left join items i on i.plan_id = p.id
        where p.lead_group_id in (${ids.map(() => '?').join(',')})`,
    )
    .iterate(...ids) as Iterable<{
    planId: number;
    code: string;
    title: string;
    stage: string;
    groupId: number;
    status: Status | null;
    dueOn: IsoDate | null;
  }>;
  for (const row of rows) {
    let plan = plans.get(row.planId);
    if (!plan) {
      plan = {
        groupId: row.groupId,
        closed: row.stage === 'closed',
        code: row.code,
        title: row.title,
        items: 0,
        done: 0,
        started: 0,
        notStarted: 0,
        lights: { red: 0, yellow: 0, green: 0 },
      };
      plans.set(row.planId, plan);
    }
    if (row.status === null) continue; // a plan without items (left join)
    plan.items += 1;
    if (row.status === 'done') plan.done += 1;
    else if (row.status === 'started') plan.started += 1;
    else plan.notStarted += 1;
    plan.lights[classify({ status: row.status, dueOn: row.dueOn })] += 1;
  }
  for (const { groupId, closed, ...plan } of plans.values()) {
    const g = groups.get(groupId) as GroupProgress;
    if (closed) g.closedPlans += 1;
    else g.plans.push(plan);
  }
  const result = [...groups.values()].sort((a, b) => compareNatural(a.code, b.code));
  for (const g of result) g.plans.sort((a, b) => compareNatural(a.code, b.code));
  return result;
}

function closablePlans(db: Db, codes: readonly string[], limit: number): ClosablePlan[] {
  const wanted = codes.slice(0, limit);
  if (wanted.length === 0) return [];
  const rows = db.$client
    .prepare(
      `select p.code, p.title, count(i.id) as items from plans p join items i on i.plan_id = p.id
        where p.code in (${wanted.map(() => '?').join(',')}) group by p.id`,
    )
    .all(...wanted) as ClosablePlan[];
  return rows.sort((a, b) => compareNatural(a.code, b.code));
}

/**
 * Whose App Home a change of this item alters, most concerned first: the item's department
 * members, the plan's group leaders, deputies and liaisons, then office admins (their overall
 * figures and plans ready to close). The caller adds the actor and caps the list.
 */
export function peopleConcernedBy(db: Db, itemId: number): string[] {
  const rows = db.$client
    .prepare(
      `select m.user_id as userId from group_members m
         join plans p on p.lead_group_id = m.group_id join items i on i.plan_id = p.id where i.id = ?
       union all
       select m.user_id from department_members m
         join item_departments d on d.department_id = m.department_id where d.item_id = ?
       union all
       select user_id from admins`,
    )
    .all(itemId, itemId) as { userId: string }[];
  return [...new Set(rows.map((r) => r.userId))];
}
