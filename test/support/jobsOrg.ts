// Shared set-up for the follow-up, close-out and digest job tests: an in-memory ledger with a
// small org (two special groups, their people, two office admins, a digest channel).
import { asc } from 'drizzle-orm';
import { type Config, parseConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { admins, groupMembers, groups, outbox, settings } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import type { JobContext } from '../../src/jobs/job.ts';

export const ORG = {
  channel: 'C0G1',
  digestChannel: 'C0DIGEST',
  leader: 'U0LEAD1',
  deputy: 'U0DEP1',
  liaison: 'U0LIA1',
  admins: ['U0ADM1', 'U0ADM2'],
  outsider: 'U0OUT1',
} as const;

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ REFORM_LOCALE: 'zh-CN', ...env });
}

/** G1 has a channel and people; G2 has neither. Returns the groups' ids. */
export function seedOrg(db: Db): { g1: number; g2: number } {
  const g1 = db
    .insert(groups)
    .values({ code: 'G1', name: '经济体制改革专项小组', channel: ORG.channel })
    .returning()
    .get().id;
  const g2 = db.insert(groups).values({ code: 'G2', name: '农村改革专项小组' }).returning().get().id;
  db.insert(groupMembers)
    .values([
      { groupId: g1, userId: ORG.leader, role: 'leader' },
      { groupId: g1, userId: ORG.deputy, role: 'deputy' },
      { groupId: g1, userId: ORG.liaison, role: 'liaison' },
    ])
    .run();
  db.insert(admins)
    .values(ORG.admins.map((userId) => ({ userId })))
    .run();
  db.insert(settings).values({ key: 'digest_channel', value: ORG.digestChannel }).run();
  return { g1, g2 };
}

export function freshDb(): Db {
  return openDatabase(':memory:');
}

export function jobContext(db: Db, iso: string, config: Config = testConfig()): JobContext {
  return { db, now: new Date(iso), config, calendar: CN_CALENDAR };
}

export interface QueuedRow {
  key: string;
  kind: string;
  target: string;
  text: string;
  blocks: Record<string, unknown>[];
  parentId: number | null;
  id: number;
}

export function queued(db: Db): QueuedRow[] {
  return db
    .select()
    .from(outbox)
    .orderBy(asc(outbox.id))
    .all()
    .map((r) => {
      const payload = JSON.parse(r.payload) as { text: string; blocks?: Record<string, unknown>[] };
      return {
        key: r.idempotencyKey,
        kind: r.kind,
        target: r.target,
        text: payload.text,
        blocks: payload.blocks ?? [],
        parentId: r.parentId,
        id: r.id,
      };
    });
}

export interface PlanSpec {
  code: string;
  title?: string;
  domain?: string;
  groupId?: number | null;
  stage?: string;
  closedOn?: string | null;
  items: { status: 'done' | 'started' | 'not_started'; dueOn?: string | null; title?: string }[];
}

/** Inserts a plan and its items straight into the tables; returns their ids. */
export function insertPlan(db: Db, spec: PlanSpec): { planId: number; itemIds: number[] } {
  const sqlite = db.$client;
  const planId = Number(
    sqlite
      .prepare('insert into plans (code, title, domain, lead_group_id, stage, closed_on) values (?, ?, ?, ?, ?, ?)')
      .run(
        spec.code,
        spec.title ?? `方案 ${spec.code}`,
        spec.domain ?? 'economic',
        spec.groupId ?? null,
        spec.stage ?? 'issued',
        spec.closedOn ?? null,
      ).lastInsertRowid,
  );
  const insertItem = sqlite.prepare('insert into items (plan_id, code, title, due_on, status) values (?, ?, ?, ?, ?)');
  const itemIds = spec.items.map((item, i) =>
    Number(
      insertItem.run(planId, String(i + 1), item.title ?? `事项 ${i + 1}`, item.dueOn ?? null, item.status)
        .lastInsertRowid,
    ),
  );
  return { planId, itemIds };
}

export function allDone(n: number): PlanSpec['items'] {
  return Array.from({ length: n }, () => ({ status: 'done' as const, dueOn: '2026-06-30' }));
}
