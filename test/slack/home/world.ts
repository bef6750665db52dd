// A small office for the modal and App Home tests: two groups, three departments, an admin,
// a few plans whose items are red, yellow and green on the fixed date, and the bot itself
// (src's createSlackApp, real HTTPReceiver on a free port) talking to the Web API stand-in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config.ts';
import { closeDatabase, type Db, openDatabase } from '../../../src/db/client.ts';
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
import type { Status } from '../../../src/domain/types.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { createLogger } from '../../../src/log.ts';
import { createSlackApp } from '../../../src/slack/app.ts';
import type { SlackDeps } from '../../../src/slack/deps.ts';
import { type StandIn, startSlackStandIn } from '../../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../../support/workspace.ts';

/** 2016-06-30 10:00 in Shanghai, a Thursday: due 2016-06-29 is red, due 2016-07-04 yellow (3 working days). */
const NOW = new Date('2016-06-30T02:00:00Z');

export const PEOPLE = {
  admin: 'UADMIN1',
  leader: 'ULEAD1', // leader of G1
  deputy: 'UDEPUTY1', // deputy of G1
  liaison: 'ULIAISON1', // liaison of G1
  leader2: 'ULEAD2', // leader of G2
  ndrc: 'UNDRC1', // member of 发展改革委
  finance: 'UFIN1', // member of 财政厅
  outsider: 'UOUT1', // no role at all
} as const;

export interface TestDb {
  db: Db;
  dir: string;
  close(): void;
}

export function openTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'reform-home-'));
  const db = openDatabase(join(dir, 'test.db'));
  return {
    db,
    dir,
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ItemSpec {
  code: string;
  title: string;
  dueOn: string | null;
  status: Status;
  departments: number[];
  outcome?: boolean;
}

export function addPlan(
  db: Db,
  plan: { code: string; title: string; groupId: number | null; stage?: string; domain?: string },
  specs: ItemSpec[],
): { planId: number; itemIds: number[] } {
  const { id: planId } = db
    .insert(plans)
    .values({
      code: plan.code,
      title: plan.title,
      domain: plan.domain ?? 'economic',
      leadGroupId: plan.groupId,
      stage: plan.stage ?? 'issued',
      issuedOn: '2015-06-01',
    })
    .returning({ id: plans.id })
    .get();
  const itemIds: number[] = [];
  db.transaction((tx) => {
    for (const spec of specs) {
      const { id } = tx
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
        tx.insert(itemDepartments).values({ itemId: id, departmentId, position }).run();
      });
      itemIds.push(id);
    }
  });
  return { planId, itemIds };
}

export interface Office {
  groups: { g1: number; g2: number };
  depts: { ndrc: number; finance: number; env: number };
  p1: { planId: number; itemIds: number[] };
  p2: { planId: number; itemIds: number[] };
  p3: { planId: number; itemIds: number[] };
}

/**
 * G1 leads P1 (red P1#1 of 发展改革委, done P1#2 of 财政厅, yellow P1#3 of 发展改革委, green P1#4)
 * and P3 (every item done: ready to close). G2 leads P2 (P2#1 of 财政厅, P2#2 of 生态环境厅).
 * Titles carry mrkdwn that must show as text.
 */
export function seedOffice(db: Db): Office {
  const g1 = db
    .insert(groups)
    .values({ code: 'G1', name: '经济体制改革专项小组' })
    .returning({ id: groups.id })
    .get().id;
  const g2 = db
    .insert(groups)
    .values({ code: 'G2', name: '生态文明体制改革专项小组' })
    .returning({ id: groups.id })
    .get().id;
  db.insert(groupMembers)
    .values([
      { groupId: g1, userId: PEOPLE.leader, role: 'leader' },
      { groupId: g1, userId: PEOPLE.deputy, role: 'deputy' },
      { groupId: g1, userId: PEOPLE.liaison, role: 'liaison' },
      { groupId: g2, userId: PEOPLE.leader2, role: 'leader' },
    ])
    .run();
  const dept = (name: string) => db.insert(departments).values({ name }).returning({ id: departments.id }).get().id;
  const ndrc = dept('省发展改革委');
  const finance = dept('省财政厅');
  const env = dept('省生态环境厅');
  db.insert(departmentMembers)
    .values([
      { departmentId: ndrc, userId: PEOPLE.ndrc },
      { departmentId: finance, userId: PEOPLE.finance },
    ])
    .run();
  db.insert(admins).values({ userId: PEOPLE.admin }).run();
  const p1 = addPlan(db, { code: 'P1', title: '关于深化投融资体制改革的实施意见', groupId: g1 }, [
    {
      code: '1',
      title: '清理规范投资项目报建审批事项 <!channel>',
      dueOn: '2016-06-15',
      status: 'started',
      departments: [ndrc],
    },
    { code: '2', title: '建立政府投资项目库', dueOn: '2016-05-31', status: 'done', departments: [finance] },
    {
      code: '3',
      title: '推行企业投资项目承诺制 & 备案',
      dueOn: '2016-07-04',
      status: 'not_started',
      departments: [ndrc, finance],
    },
    { code: '4', title: '完善投资监管体系', dueOn: '2016-12-31', status: 'started', departments: [ndrc] },
  ]);
  const p2 = addPlan(db, { code: 'P2', title: '生态环境监测网络建设方案', groupId: g2, domain: 'ecological' }, [
    { code: '1', title: '建设省级生态环境监测平台', dueOn: '2016-06-01', status: 'started', departments: [finance] },
    { code: '2', title: '统一监测标准', dueOn: null, status: 'not_started', departments: [env] },
  ]);
  const p3 = addPlan(db, { code: 'P3', title: '国有企业公司制改革方案', groupId: g1 }, [
    { code: '1', title: '制定改制工作方案', dueOn: '2016-03-31', status: 'done', departments: [ndrc] },
    { code: '2', title: '完成公司制改制登记', dueOn: '2016-05-31', status: 'done', departments: [ndrc] },
  ]);
  return { groups: { g1, g2 }, depts: { ndrc, finance, env }, p1, p2, p3 };
}

export function testDeps(db: Db, env: Record<string, string> = {}): SlackDeps {
  return {
    // A short Home refresh window: tests wait for views.publish (2 s at most) after a change.
    config: parseConfig({ REFORM_LOCALE: 'zh-CN', LOG_LEVEL: 'silent', HOME_REFRESH_WINDOW_MS: '20', ...env }),
    db,
    log: createLogger({ level: 'silent' }),
    calendar: WEEKENDS_ONLY,
    now: () => NOW,
  };
}

export interface Bot {
  standIn: StandIn;
  baseUrl: string;
  deps: SlackDeps;
  office: Office;
  testDb: TestDb;
  stop(): Promise<void>;
}

/** The real app (createSlackApp: HTTPReceiver, every listener) on a free port, against the stand-in. */
export async function startBot(): Promise<Bot> {
  const standIn = await startSlackStandIn();
  const testDb = openTestDb();
  const office = seedOffice(testDb.db);
  const deps = testDeps(testDb.db);
  const runtime = createSlackApp(deps, {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: standIn.url,
    port: 0,
  });
  const { port } = await runtime.start();
  return {
    standIn,
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    office,
    testDb,
    async stop() {
      await runtime.stop();
      await standIn.close();
      testDb.close();
    },
  };
}
