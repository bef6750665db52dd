// What the App Home reads from the ledger, and whose Home a change concerns; plus the largest
// realistic Home built from a real database (300 items, 40 plans in a group) in both languages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_BLOCKS_MAX, homeView } from '../../src/blocks/home/home.ts';
import { departmentMembers, groupMembers } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { translator } from '../../src/i18n/index.ts';
import { loadHome, peopleConcernedBy } from '../../src/store/home.ts';
import { type TempDb, tempDb } from '../support/db.ts';
import { addPlan, PEOPLE } from '../support/office.ts';
import { type HomeOffice, seedHomeOffice } from '../support/officePlans.ts';
import { viewProblems } from '../support/slackLimits.ts';

const query = { asOf: '2016-06-30', calendar: WEEKENDS_ONLY, yellowWorkdays: 3 };
let testDb: TempDb;
let office: HomeOffice;
beforeEach(() => {
  testDb = tempDb();
  office = seedHomeOffice(testDb.db);
});
afterEach(() => testDb.cleanup());

describe('loadHome', () => {
  it('a department member: their department’s items by light, no groups, no office figures', () => {
    const home = loadHome(testDb.db, PEOPLE.financeMember, query);
    expect(home.isAdmin).toBe(false);
    expect(home.departments).toEqual(['省财政厅']);
    expect(home.groups).toEqual([]);
    expect(home.admin).toBeUndefined();
    // P1#2 done, P1#3 yellow, P2#1 red.
    expect(home.mine).toMatchObject({ total: 3, done: 1, counts: { red: 1, yellow: 1, green: 1 } });
    expect(home.mine.top.red.map((i) => `${i.planCode}#${i.itemCode}`)).toEqual(['P2#1']);
    expect(home.mine.top.yellow.map((i) => `${i.planCode}#${i.itemCode}`)).toEqual(['P1#3']);
  });

  it('a leader: the group’s items as their own, and each open plan’s progress; closed plans counted apart', () => {
    addPlan(testDb.db, { code: 'P0', title: '已销账方案', groupId: office.groups.g1, stage: 'closed' }, [
      { code: '1', title: 'x', dueOn: null, status: 'done', departments: [] },
    ]);
    const home = loadHome(testDb.db, PEOPLE.g1Leader, query);
    expect(home.mine.total).toBe(6); // P1 and P3; the closed P0 has left the work list
    expect(home.groups).toHaveLength(1);
    const [g1] = home.groups;
    expect(g1).toMatchObject({ code: 'G1', roles: ['leader'], closedPlans: 1 });
    expect(g1?.plans).toEqual([
      {
        code: 'P1',
        title: '关于深化投融资体制改革的实施意见',
        items: 4,
        done: 1,
        started: 2,
        notStarted: 1,
        lights: { red: 1, yellow: 1, green: 2 },
      },
      {
        code: 'P3',
        title: '国有企业公司制改革方案',
        items: 2,
        done: 2,
        started: 0,
        notStarted: 0,
        lights: { red: 0, yellow: 0, green: 2 },
      },
    ]);
  });

  it('an admin: overall figures and the plans ready to close, by title', () => {
    const home = loadHome(testDb.db, PEOPLE.admin, query);
    expect(home.admin?.stats).toMatchObject({ plans: 3, items: 8, done: 3, closablePlans: 1 });
    expect(home.admin?.closable).toEqual([{ code: 'P3', title: '国有企业公司制改革方案', items: 2 }]);
  });

  it('a person in two roles of one group is listed once with both roles', () => {
    testDb.db
      .insert(groupMembers)
      .values({ groupId: office.groups.g1, userId: PEOPLE.g1Leader, role: 'liaison' })
      .run();
    expect(loadHome(testDb.db, PEOPLE.g1Leader, query).groups.map((g) => g.roles.sort())).toEqual([
      ['leader', 'liaison'],
    ]);
  });
});

describe('peopleConcernedBy', () => {
  it('the lead group’s members, the responsible departments’ members and the admins, each once', () => {
    testDb.db.insert(departmentMembers).values({ departmentId: office.depts.finance, userId: PEOPLE.g1Leader }).run();
    const p1item3 = office.p1.itemIds[2] as number; // 发展改革委 and 财政厅
    expect(peopleConcernedBy(testDb.db, p1item3).sort()).toEqual(
      [
        PEOPLE.admin,
        PEOPLE.g1Deputy,
        PEOPLE.financeMember,
        PEOPLE.g1Leader,
        PEOPLE.g1Liaison,
        PEOPLE.ndrcMember,
      ].sort(),
    );
    const p2item2 = office.p2.itemIds[1] as number; // 生态环境厅 has no members
    expect(peopleConcernedBy(testDb.db, p2item2).sort()).toEqual([PEOPLE.admin, PEOPLE.g2Leader].sort());
  });
});

describe('the largest realistic Home from a real ledger', () => {
  it('300 items of 200-character titles and 40 plans in the group stay within 100 blocks, in both languages', () => {
    const title = `${'清单式精准督察'.repeat(28)}推进落实`; // 196 + 4 = 200 CJK characters
    for (let p = 0; p < 40; p++) {
      addPlan(
        testDb.db,
        { code: `PX${p + 1}`, title, groupId: office.groups.g1 },
        Array.from({ length: p < 10 ? 30 : 1 }, (_, i) => ({
          code: String(i + 1),
          title,
          dueOn: `2016-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
          status: (['done', 'started', 'not_started'] as const)[i % 3] ?? 'done',
          departments: [office.depts.ndrc],
        })),
      );
    }
    const home = loadHome(testDb.db, PEOPLE.ndrcMember, query);
    expect(home.mine.total).toBe(300 + 30 + 5); // 10 plans x 30 + 30 plans x 1 + the office's own 5
    for (const locale of ['zh-CN', 'en'] as const) {
      const view = homeView(translator(locale), home);
      expect(viewProblems(view, { maxBlocks: HOME_BLOCKS_MAX })).toEqual([]);
    }
    const leaderHome = loadHome(testDb.db, PEOPLE.g1Leader, query);
    expect(leaderHome.groups[0]?.plans).toHaveLength(42);
    for (const locale of ['zh-CN', 'en'] as const) {
      const view = homeView(translator(locale), leaderHome);
      expect(viewProblems(view, { maxBlocks: HOME_BLOCKS_MAX })).toEqual([]);
      expect(JSON.stringify(view.blocks)).toContain('*PX40*');
    }
  });
});
