// Ledgers for the digest tests, inserted straight into the tables: the seed's 35 assessed plans
// (717 items, the article's mid-year table) and a synthetic 10,000-plan / 250,000-item ledger.
import type { Db } from '../../src/db/client.ts';
import { generateSeedLedger, SEED_EXPECTED, SEED_GROUPS } from '../fixtures/seedLedger.ts';

/** Loads the plans issued on or before the round's cut-off; groups G1..G9 get a channel each. */
export function loadSeedAssessed(db: Db): Map<string, number> {
  const sqlite = db.$client;
  const groupIds = new Map<string, number>();
  const insertGroup = sqlite.prepare('insert into groups (code, name, channel) values (?, ?, ?)');
  for (const g of SEED_GROUPS)
    groupIds.set(g.code, Number(insertGroup.run(g.code, g.name, `C0${g.code}`).lastInsertRowid));
  const insertPlan = sqlite.prepare(
    'insert into plans (code, title, domain, lead_group_id, stage, issued_on) values (?, ?, ?, ?, ?, ?)',
  );
  const insertItem = sqlite.prepare('insert into items (plan_id, code, title, due_on, status) values (?, ?, ?, ?, ?)');
  const planIds = new Map<string, number>();
  sqlite.transaction(() => {
    for (const row of generateSeedLedger()) {
      if (row.issued_on === '' || row.issued_on > SEED_EXPECTED.roundCutoff) continue;
      let planId = planIds.get(row.plan_code);
      if (planId === undefined) {
        planId = Number(
          insertPlan.run(
            row.plan_code,
            row.plan_title,
            row.domain,
            groupIds.get(row.lead_group) ?? null,
            'issued',
            row.issued_on,
          ).lastInsertRowid,
        );
        planIds.set(row.plan_code, planId);
      }
      insertItem.run(planId, row.item_code, row.item_title, row.due_on || null, row.status);
    }
  })();
  return planIds;
}

const DOMAINS = ['economic', 'political', 'cultural', 'social', 'ecological', 'party_building', 'discipline'];

/**
 * `plans` plans of `itemsPerPlan` items in 40 groups, with the longest realistic titles (a
 * quarter of the items overdue, one plan in 12 all done, one in 50 closed out), deterministic.
 */
export function loadLargeLedger(db: Db, plans = 10_000, itemsPerPlan = 25): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const insertGroup = sqlite.prepare('insert into groups (code, name, channel) values (?, ?, ?)');
    const groupIds: number[] = [];
    for (let g = 1; g <= 40; g++) {
      groupIds.push(
        Number(
          insertGroup.run(`G${g}`, `第${g}专项小组${'（深化改革领导小组办公室联络）'.repeat(3)}`, `C0G${g}`)
            .lastInsertRowid,
        ),
      );
    }
    const insertPlan = sqlite.prepare(
      'insert into plans (code, title, domain, lead_group_id, stage, issued_on, closed_on, closed_by) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertItem = sqlite.prepare(
      'insert into items (plan_id, code, title, due_on, status) values (?, ?, ?, ?, ?)',
    );
    const longTitle = `关于进一步深化"放管服"改革优化营商环境<若干>措施&实施细则的意见${'，'.padEnd(60, '改')}`;
    for (let p = 0; p < plans; p++) {
      const closed = p % 50 === 7;
      const allDone = closed || p % 12 === 0;
      const planId = Number(
        insertPlan.run(
          `SC-${String(p + 1).padStart(5, '0')}`,
          `${longTitle}（第${p + 1}号）`,
          DOMAINS[p % DOMAINS.length],
          groupIds[p % groupIds.length],
          closed ? 'closed' : 'issued',
          '2025-06-30',
          closed ? '2026-11-25' : null,
          closed ? 'U0ADM1' : null,
        ).lastInsertRowid,
      );
      for (let i = 0; i < itemsPerPlan; i++) {
        const k = p * itemsPerPlan + i;
        const status = allDone || k % 3 === 0 ? 'done' : k % 3 === 1 ? 'started' : 'not_started';
        const due = k % 4 === 0 ? `2026-${String(1 + (k % 10)).padStart(2, '0')}-15` : '2027-06-30';
        insertItem.run(
          planId,
          `${String(i + 1).padStart(3, '0')}`,
          `${longTitle.slice(0, 40)}事项${i + 1}`,
          due,
          status,
        );
      }
    }
  })();
}
