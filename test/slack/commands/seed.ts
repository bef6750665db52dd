// A small office for the /reform tests: two special groups with their leader, deputy and
// liaison, three departments with one member each, an office admin, a stranger, and plans whose
// items cover every light on the fixed day 2016-06-30 (a Thursday).
import type { Db } from '../../../src/db/client.ts';
import {
  admins,
  departmentMembers,
  departments,
  groupMembers,
  groups,
  itemDepartments,
  items,
  plans,
} from '../../../src/db/schema.ts';
import type { Domain, Status } from '../../../src/domain/types.ts';

/** 10:00 in Shanghai on 2016-06-30. */
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

export const DEPARTMENTS = { ndrc: '省发改委', finance: '省财政厅', education: '省教育厅' } as const;

interface SeedItem {
  code: string;
  title: string;
  dueOn: string | null;
  status: Status;
  departments: string[];
}

export interface SeedPlan {
  code: string;
  title: string;
  domain: Domain;
  group: 'G1' | 'G2' | null;
  leadDepartment: string;
  stage?: string;
  items: SeedItem[];
}

export const BASE_PLANS: SeedPlan[] = [
  {
    code: 'P1',
    title: '关于深化投融资体制改革的实施意见',
    domain: 'economic',
    group: 'G1',
    leadDepartment: DEPARTMENTS.ndrc,
    items: [
      {
        code: '1',
        title: '建立投资项目在线审批监管平台',
        dueOn: '2016-06-20',
        status: 'started',
        departments: [DEPARTMENTS.ndrc, DEPARTMENTS.finance],
      },
      {
        code: '2',
        title: '制定政府投资管理办法',
        dueOn: '2016-07-01',
        status: 'not_started',
        departments: [DEPARTMENTS.finance],
      },
      {
        code: '3',
        title: '清理规范投资审批中介服务',
        dueOn: '2016-12-31',
        status: 'started',
        departments: [DEPARTMENTS.ndrc],
      },
      {
        code: '4',
        title: '出台企业投资项目核准目录',
        dueOn: '2016-03-01',
        status: 'done',
        departments: [DEPARTMENTS.ndrc],
      },
    ],
  },
  {
    code: 'P2',
    title: '关于推进义务教育均衡发展的意见',
    domain: 'social',
    group: 'G2',
    leadDepartment: DEPARTMENTS.education,
    items: [
      {
        code: '1',
        title: '统一城乡义务教育学校建设标准',
        dueOn: '2016-06-01',
        status: 'not_started',
        departments: [DEPARTMENTS.education],
      },
    ],
  },
  {
    code: 'P3',
    title: '已销账的方案',
    domain: 'economic',
    group: 'G1',
    leadDepartment: DEPARTMENTS.ndrc,
    stage: 'closed',
    items: [{ code: '1', title: '已完成的事项', dueOn: '2016-01-01', status: 'done', departments: [DEPARTMENTS.ndrc] }],
  },
];

export function seedOrg(db: Db): void {
  db.insert(groups)
    .values([
      { id: 1, code: 'G1', name: '经济体制改革专项小组', channel: 'C0G1' },
      { id: 2, code: 'G2', name: '社会体制改革专项小组', channel: 'C0G2' },
    ])
    .run();
  db.insert(groupMembers)
    .values([
      { groupId: 1, userId: PEOPLE.g1Leader, role: 'leader' },
      { groupId: 1, userId: PEOPLE.g1Deputy, role: 'deputy' },
      { groupId: 1, userId: PEOPLE.g1Liaison, role: 'liaison' },
      { groupId: 2, userId: PEOPLE.g2Leader, role: 'leader' },
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
  db.insert(admins).values({ userId: PEOPLE.admin }).run();
}

export function seedPlans(db: Db, list: SeedPlan[]): void {
  const deptIds = new Map(
    db
      .select()
      .from(departments)
      .all()
      .map((d) => [d.name, d.id]),
  );
  const deptId = (name: string) => {
    let id = deptIds.get(name);
    if (id === undefined) {
      id = db.insert(departments).values({ name }).returning({ id: departments.id }).get().id;
      deptIds.set(name, id);
    }
    return id;
  };
  db.$client.transaction(() => {
    for (const plan of list) {
      const { id: planId } = db
        .insert(plans)
        .values({
          code: plan.code,
          title: plan.title,
          domain: plan.domain,
          leadGroupId: plan.group === 'G1' ? 1 : plan.group === 'G2' ? 2 : null,
          leadDepartmentId: deptId(plan.leadDepartment),
          stage: plan.stage ?? 'issued',
          issuedOn: '2015-05-01',
          closedOn: plan.stage === 'closed' ? '2016-05-01' : null,
        })
        .returning({ id: plans.id })
        .get();
      for (const item of plan.items) {
        const { id: itemId } = db
          .insert(items)
          .values({ planId, code: item.code, title: item.title, dueOn: item.dueOn, status: item.status })
          .returning({ id: items.id })
          .get();
        item.departments.forEach((name, position) => {
          db.insert(itemDepartments)
            .values({ itemId, departmentId: deptId(name), position })
            .run();
        });
      }
    }
  })();
}
