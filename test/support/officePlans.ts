// The plan sets the office (office.ts) is seeded with, as data.
import type { Db } from '../../src/db/client.ts';
import { DEPARTMENTS, departmentId, type SeededPlan, type SeedPlan, seedOrg, seedPlans } from './office.ts';

/**
 * The /reform tests' plans: P1 of G1 with an overdue, a yellow, a green and a done item; P2 of
 * G2 with one overdue item; P3, closed.
 */
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

/**
 * The App Home and modal tests' plans. G1 leads P1 (red P1#1 of 发改委, done P1#2 of 财政厅,
 * yellow P1#3 of 发改委 and 财政厅, green P1#4) and P3 (every item done: ready to close). G2 leads
 * P2 (P2#1 of 财政厅, P2#2 of 生态环境厅 with no due date). Titles carry mrkdwn that must show as text.
 */
export const HOME_PLANS: SeedPlan[] = [
  {
    code: 'P1',
    title: '关于深化投融资体制改革的实施意见',
    domain: 'economic',
    group: 'G1',
    issuedOn: '2015-06-01',
    items: [
      {
        code: '1',
        title: '清理规范投资项目报建审批事项 <!channel>',
        dueOn: '2016-06-15',
        status: 'started',
        departments: [DEPARTMENTS.ndrc],
      },
      {
        code: '2',
        title: '建立政府投资项目库',
        dueOn: '2016-05-31',
        status: 'done',
        departments: [DEPARTMENTS.finance],
      },
      {
        code: '3',
        title: '推行企业投资项目承诺制 & 备案',
        dueOn: '2016-07-04',
        status: 'not_started',
        departments: [DEPARTMENTS.ndrc, DEPARTMENTS.finance],
      },
      { code: '4', title: '完善投资监管体系', dueOn: '2016-12-31', status: 'started', departments: [DEPARTMENTS.ndrc] },
    ],
  },
  {
    code: 'P2',
    title: '生态环境监测网络建设方案',
    domain: 'ecological',
    group: 'G2',
    issuedOn: '2015-06-01',
    items: [
      {
        code: '1',
        title: '建设省级生态环境监测平台',
        dueOn: '2016-06-01',
        status: 'started',
        departments: [DEPARTMENTS.finance],
      },
      { code: '2', title: '统一监测标准', dueOn: null, status: 'not_started', departments: [DEPARTMENTS.environment] },
    ],
  },
  {
    code: 'P3',
    title: '国有企业公司制改革方案',
    domain: 'economic',
    group: 'G1',
    issuedOn: '2015-06-01',
    items: [
      { code: '1', title: '制定改制工作方案', dueOn: '2016-03-31', status: 'done', departments: [DEPARTMENTS.ndrc] },
      { code: '2', title: '完成公司制改制登记', dueOn: '2016-05-31', status: 'done', departments: [DEPARTMENTS.ndrc] },
    ],
  },
];

/** The ids the App Home and modal tests refer to, in an office seeded with HOME_PLANS. */
export interface HomeOffice {
  groups: { g1: number; g2: number };
  depts: { ndrc: number; finance: number; env: number };
  p1: SeededPlan;
  p2: SeededPlan;
  p3: SeededPlan;
}

export function homeOfficeIds(db: Db, seeded: Map<string, SeededPlan>): HomeOffice {
  const plan = (code: string) => {
    const ids = seeded.get(code);
    if (!ids) throw new Error(`the office has no plan ${code}: seed it with HOME_PLANS`);
    return ids;
  };
  return {
    groups: { g1: 1, g2: 2 },
    depts: {
      ndrc: departmentId(db, DEPARTMENTS.ndrc),
      finance: departmentId(db, DEPARTMENTS.finance),
      env: departmentId(db, DEPARTMENTS.environment),
    },
    p1: plan('P1'),
    p2: plan('P2'),
    p3: plan('P3'),
  };
}

/** seedOrg and HOME_PLANS into an empty database, for tests that need no app. */
export function seedHomeOffice(db: Db): HomeOffice {
  seedOrg(db);
  return homeOfficeIds(db, seedPlans(db, HOME_PLANS));
}
