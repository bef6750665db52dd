// The one seeded office the tests run on: two special groups with their leader, deputy and
// liaison, three departments with one member each, an office admin and a stranger (seedOrg),
// and plans given as data (seedPlans; the plan sets are in officePlans.ts), one at a time
// (addPlan) or as n numbered items (addNumberedPlan), on the fixed day 2016-06-30 (a Thursday).
// The job tests ask for two shapes of the same office (OfficeShape): a second admin, to prove
// each admin is told once, and a G2 with no channel and no people, to prove the fallback to admins.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import {
  admins,
  departmentMembers,
  departments,
  groupMembers,
  groups,
  itemDepartments,
  items,
  plans,
  settings,
} from '../../src/db/schema.ts';
import type { Domain, Status } from '../../src/domain/types.ts';

/** 10:00 in Shanghai on 2016-06-30: due 2016-06-29 is red, due 2016-07-04 yellow (3 working days). */
export const NOW = new Date('2016-06-30T02:00:00.000Z');

export const PEOPLE = {
  admin: 'UADMIN',
  g1Leader: 'UG1LEAD',
  g1Deputy: 'UG1DEP',
  g1Liaison: 'UG1LIA',
  g2Leader: 'UG2LEAD',
  ndrcMember: 'UDEPT1',
  financeMember: 'UDEPT2',
  educationMember: 'UDEPT3',
  stranger: 'USTRANGER',
} as const;

/** Both admins, in the order the office lists them; the second only with `secondAdmin` (OfficeShape). */
export const ADMINS = [PEOPLE.admin, 'UADMIN2'] as const;

export const CHANNELS = {
  g1: 'C0G1',
  /** Only without `unstaffedG2`. */
  g2: 'C0G2',
  /** The digest channel setting, only with `digestChannel`. */
  digest: 'C0DIGEST',
} as const;

/** What a test needs beyond the plain office; all off by default. */
export interface OfficeShape {
  /** ADMINS[1] is an admin too. */
  secondAdmin?: boolean;
  /** G2 has no channel and no members (nobody to prompt or remind but the admins). */
  unstaffedG2?: boolean;
  /** The office has set its digest channel (CHANNELS.digest). */
  digestChannel?: boolean;
}

/** The first three have one member each (seedOrg); `environment` is added by the plans that name it, with no one in it. */
export const DEPARTMENTS = {
  ndrc: '省发改委',
  finance: '省财政厅',
  education: '省教育厅',
  environment: '省生态环境厅',
} as const;

interface SeedItem {
  code: string;
  title: string;
  dueOn: string | null;
  status: Status;
  /** Department names, lead first; a name the office lacks becomes a department with no one in it. */
  departments: string[];
  /** An institutional outcome (制度成果). */
  outcome?: boolean;
}

export interface SeedPlan {
  code: string;
  title: string;
  domain: Domain;
  group: 'G1' | 'G2' | null;
  leadDepartment?: string;
  stage?: string;
  issuedOn?: string;
  items: SeedItem[];
}

/** A plan's and its items' ids, in the order given. */
export interface SeededPlan {
  planId: number;
  itemIds: number[];
}

/** Seeds the office (groups G1 = id 1 and G2 = id 2, departments 1 to 3); returns the groups' ids. */
export function seedOrg(db: Db, shape: OfficeShape = {}): { g1: number; g2: number } {
  db.insert(groups)
    .values([
      { id: 1, code: 'G1', name: '经济体制改革专项小组', channel: CHANNELS.g1 },
      { id: 2, code: 'G2', name: '社会体制改革专项小组', channel: shape.unstaffedG2 ? null : CHANNELS.g2 },
    ])
    .run();
  db.insert(groupMembers)
    .values([
      { groupId: 1, userId: PEOPLE.g1Leader, role: 'leader' },
      { groupId: 1, userId: PEOPLE.g1Deputy, role: 'deputy' },
      { groupId: 1, userId: PEOPLE.g1Liaison, role: 'liaison' },
      ...(shape.unstaffedG2 ? [] : [{ groupId: 2, userId: PEOPLE.g2Leader, role: 'leader' as const }]),
    ])
    .run();
  db.insert(departments)
    .values([
      { id: 1, name: DEPARTMENTS.ndrc },
      { id: 2, name: DEPARTMENTS.finance },
      { id: 3, name: DEPARTMENTS.education },
    ])
    .run();
  db.insert(departmentMembers)
    .values([
      { departmentId: 1, userId: PEOPLE.ndrcMember },
      { departmentId: 2, userId: PEOPLE.financeMember },
      { departmentId: 3, userId: PEOPLE.educationMember },
    ])
    .run();
  db.insert(admins)
    .values((shape.secondAdmin ? ADMINS : ADMINS.slice(0, 1)).map((userId) => ({ userId })))
    .run();
  if (shape.digestChannel) db.insert(settings).values({ key: 'digest_channel', value: CHANNELS.digest }).run();
  return { g1: 1, g2: 2 };
}

export interface ItemSpec {
  code: string;
  title: string;
  dueOn: string | null;
  status: Status;
  /** Department ids, lead first. */
  departments: number[];
  outcome?: boolean;
}

/** Inserts one plan and its items (departments by id). */
export function addPlan(
  db: Db,
  plan: {
    code: string;
    title: string;
    groupId: number | null;
    stage?: string;
    domain?: string;
    leadDepartmentId?: number | null;
    /** Default 2015-05-01; null for a plan with no issue date. */
    issuedOn?: string | null;
    closedOn?: string | null;
  },
  specs: ItemSpec[],
): SeededPlan {
  return db.$client.transaction(() => {
    const { id: planId } = db
      .insert(plans)
      .values({
        code: plan.code,
        title: plan.title,
        domain: plan.domain ?? 'economic',
        leadGroupId: plan.groupId,
        leadDepartmentId: plan.leadDepartmentId ?? null,
        stage: plan.stage ?? 'issued',
        issuedOn: plan.issuedOn === undefined ? '2015-05-01' : plan.issuedOn,
        closedOn: plan.closedOn ?? null,
      })
      .returning({ id: plans.id })
      .get();
    const itemIds = specs.map((spec) => {
      const { id } = db
        .insert(items)
        .values({
          planId,
          code: spec.code,
          title: spec.title,
          dueOn: spec.dueOn,
          status: spec.status,
          institutionalOutcome: spec.outcome ?? false,
        })
        .returning({ id: items.id })
        .get();
      spec.departments.forEach((departmentId, position) => {
        db.insert(itemDepartments).values({ itemId: id, departmentId, position }).run();
      });
      return id;
    });
    return { planId, itemIds };
  })();
}

/** The department's id by name, added (with no one in it) when the office lacks it. */
export function departmentId(db: Db, name: string): number {
  const found = db.select({ id: departments.id }).from(departments).where(eq(departments.name, name)).get();
  return found?.id ?? db.insert(departments).values({ name }).returning({ id: departments.id }).get().id;
}

/** Inserts the plans (on top of seedOrg's groups); returns their ids by plan code. */
export function seedPlans(db: Db, list: readonly SeedPlan[]): Map<string, SeededPlan> {
  const seeded = new Map<string, SeededPlan>();
  db.$client.transaction(() => {
    for (const plan of list) {
      const ids = addPlan(
        db,
        {
          code: plan.code,
          title: plan.title,
          domain: plan.domain,
          groupId: plan.group === 'G1' ? 1 : plan.group === 'G2' ? 2 : null,
          leadDepartmentId: plan.leadDepartment ? departmentId(db, plan.leadDepartment) : null,
          ...(plan.stage ? { stage: plan.stage } : {}),
          closedOn: plan.stage === 'closed' ? '2016-05-01' : null,
          ...(plan.issuedOn ? { issuedOn: plan.issuedOn } : {}),
        },
        plan.items.map((item) => ({ ...item, departments: item.departments.map((name) => departmentId(db, name)) })),
      );
      seeded.set(plan.code, ids);
    }
  })();
  return seeded;
}

export interface NumberedPlanSpec {
  code: string;
  title?: string;
  domain?: string;
  groupId?: number | null;
  stage?: string;
  closedOn?: string | null;
  items: { status: Status; dueOn?: string | null; title?: string }[];
}

/** A plan (titled 方案 <code>, no issue date) whose items are coded 1..n (titled 事项 n), with no departments. */
export function addNumberedPlan(db: Db, spec: NumberedPlanSpec): SeededPlan {
  return addPlan(
    db,
    {
      code: spec.code,
      title: spec.title ?? `方案 ${spec.code}`,
      groupId: spec.groupId ?? null,
      issuedOn: null,
      closedOn: spec.closedOn ?? null,
      ...(spec.domain ? { domain: spec.domain } : {}),
      ...(spec.stage ? { stage: spec.stage } : {}),
    },
    spec.items.map((item, i) => ({
      code: String(i + 1),
      title: item.title ?? `事项 ${i + 1}`,
      dueOn: item.dueOn ?? null,
      status: item.status,
      departments: [],
    })),
  );
}

/** n items, all done, due 2026-06-30. */
export function allDone(n: number): NumberedPlanSpec['items'] {
  return Array.from({ length: n }, () => ({ status: 'done' as const, dueOn: '2026-06-30' }));
}
