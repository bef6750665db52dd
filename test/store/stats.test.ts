// The store's SQL-aggregated statistics agree with the domain's item-by-item computation.
import { afterEach, describe, expect, it } from 'vitest';
import { CN_2026 } from '../../src/domain/calendars/cn.ts';
import { addDays } from '../../src/domain/dates.ts';
import { computeStats } from '../../src/domain/stats.ts';
import { DOMAINS, type Domain, STATUSES, type Status } from '../../src/domain/types.ts';
import { loadStats } from '../../src/store/stats.ts';
import { type TempDb, tempDb } from '../support/db.ts';

let t: TempDb;
afterEach(() => t?.cleanup());

describe('loadStats', () => {
  it('matches computeStats item by item, lights included, around a holiday week', () => {
    t = tempDb();
    const sql = t.db.$client;
    sql.prepare("insert into groups (code, name) values ('G1', 'g1'), ('G2', 'g2')").run();
    const plans: { code: string; domain: Domain; groupCode: string; stage: 'issued' | 'closed' }[] = [];
    const items: { planCode: string; status: Status; dueOn: string | null }[] = [];
    for (let p = 1; p <= 12; p++) {
      const plan = {
        code: `P${p}`,
        domain: DOMAINS[p % 7] as Domain,
        groupCode: p % 3 === 0 ? '-' : `G${(p % 2) + 1}`,
        stage: p === 5 ? ('closed' as const) : ('issued' as const),
      };
      plans.push(plan);
      const groupId = plan.groupCode === '-' ? null : Number(plan.groupCode.slice(1));
      sql
        .prepare('insert into plans (code, title, domain, stage, lead_group_id) values (?, ?, ?, ?, ?)')
        .run(plan.code, 't', plan.domain, plan.stage, groupId);
      for (let i = 1; i <= p + 3; i++) {
        const status = p === 4 ? 'done' : (STATUSES[(p * i) % 3] as Status);
        const dueOn = i % 5 === 0 ? null : addDays('2026-09-25', (p * 7 + i * 3) % 20);
        items.push({ planCode: plan.code, status, dueOn });
        sql
          .prepare('insert into items (plan_id, code, title, status, due_on) values (?, ?, ?, ?, ?)')
          .run(p, String(i), 't', status, dueOn);
      }
    }
    for (const asOf of ['2026-09-30', '2026-10-08', '2026-10-10']) {
      const expected = computeStats({ plans, items }, asOf, CN_2026, 3);
      expect(loadStats(t.db, { asOf, calendar: CN_2026, yellowWorkdays: 3 })).toEqual(expected);
    }
    const some = loadStats(t.db, { asOf: '2026-09-30', calendar: CN_2026, yellowWorkdays: 3, planCodes: ['P1', 'P4'] });
    expect(some.plans).toBe(2);
    expect(some.items).toBe(4 + 7);
    expect(some.closablePlans).toBe(1);
  });
});
