// A small office whose ranking moves between two Mondays, 2016-06-27 and 2016-07-04 (history
// written at fixed instants). Expected, as of 2016-07-04 (against 2016-06-27):
//
//   departments                      groups
//   1 省财政厅 50.0% (1/2) 0 overdue ↑1   1 G1 40.0% (2/5) 1 overdue —
//   2 省发改委 33.3% (1/3) 1 overdue ↓1   2 G2  0.0% (0/2) 2 overdue —
//   3 省审计厅  0.0% (0/1) 1 overdue new
//   3 省教育厅  0.0% (0/1) 1 overdue —
//
// 省发改委 was first (1/1) a week before; P1#2 was done at 00:30 on 07-02 in Shanghai (16:30 UTC
// on 07-01), a day after its due date; P1#5 was extended (original due 06-24, now 09-30): it
// counts as due and not on time, but is not overdue.
import type { Db } from '../../src/db/client.ts';
import { changeItem, findItem } from '../../src/store/items.ts';
import { DEPARTMENTS, type OfficeShape, PEOPLE, type SeedPlan, seedOrg, seedPlans } from './office.ts';

export const AUDIT = '省审计厅';
export const MONDAY_BEFORE = '2016-06-27';
export const MONDAY = '2016-07-04';

export const RANKING_PLANS: SeedPlan[] = [
  {
    code: 'P1',
    title: '关于深化投融资体制改革的实施意见',
    domain: 'economic',
    group: 'G1',
    leadDepartment: DEPARTMENTS.ndrc,
    items: [
      { code: '1', title: '在线审批平台', dueOn: '2016-06-20', status: 'started', departments: [DEPARTMENTS.ndrc] },
      { code: '2', title: '政府投资管理办法', dueOn: '2016-07-01', status: 'started', departments: [DEPARTMENTS.ndrc] },
      { code: '3', title: '核准目录', dueOn: '2016-07-02', status: 'started', departments: [DEPARTMENTS.ndrc] },
      { code: '4', title: '中介服务清理', dueOn: '2016-06-20', status: 'started', departments: [DEPARTMENTS.finance] },
      { code: '5', title: '投资基金管理', dueOn: '2016-09-30', status: 'started', departments: [DEPARTMENTS.finance] },
      { code: '6', title: '明年的事项', dueOn: '2017-06-30', status: 'not_started', departments: [DEPARTMENTS.ndrc] },
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
        title: '学校建设标准',
        dueOn: '2016-06-25',
        status: 'not_started',
        departments: [DEPARTMENTS.education],
      },
      { code: '2', title: '审计监督办法', dueOn: '2016-07-01', status: 'not_started', departments: [AUDIT] },
    ],
  },
];

/** Marks an item done at an instant, as a person in Slack would. */
function markDone(db: Db, ref: string, at: string, actor: string = PEOPLE.admin): void {
  const [plan, code] = ref.split('#') as [string, string];
  const item = findItem(db, plan, code);
  if (!item) throw new Error(`no item ${ref}`);
  const result = changeItem(db, {
    itemId: item.id,
    status: 'done',
    note: '已印发',
    actor,
    source: 'slack',
    at: new Date(at),
  });
  if (result.kind !== 'applied') throw new Error(`${ref}: ${result.kind}`);
}

/** The ranking plans, on the office (seeded with `shape` unless `seedOrg` is false). */
export function seedRankingOffice(db: Db, options: { seedOrg?: boolean; shape?: OfficeShape } = {}): void {
  if (options.seedOrg !== false) seedOrg(db, options.shape);
  seedPlans(db, structuredClone(RANKING_PLANS));
  // An approved extension of P1#5: the original date is kept.
  db.$client
    .prepare(
      "update items set original_due_on = '2016-06-24' where code = '5' and plan_id = (select id from plans where code = 'P1')",
    )
    .run();
  markDone(db, 'P1#1', '2016-06-18T03:00:00Z'); // on time
  markDone(db, 'P1#4', '2016-06-19T03:00:00Z'); // on time
}

/** The week between the two Mondays. */
export function playTheWeek(db: Db): void {
  markDone(db, 'P1#2', '2016-07-01T16:30:00Z'); // 2016-07-02 00:30 in Shanghai: a day late
}
