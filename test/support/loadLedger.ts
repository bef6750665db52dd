// TEST HELPER ONLY: puts ledger-shaped rows (test/fixtures/seedLedger.ts) straight into the store,
// so tests of rounds, statistics and exports have a realistic ledger without the importer.
// No validation, no status words, no merging with existing rows: the real import lives in
// src/store/ledgerImport.ts. Use it on a fresh database.
import type { Db } from '../../src/db/client.ts';
import { departments, groups, itemDepartments, items, plans } from '../../src/db/schema.ts';
import { SEED_DEPARTMENT_SEPARATOR, SEED_GROUPS, type SeedLedgerRow } from '../fixtures/seedLedger.ts';

export interface LoadedLedger {
  groupIds: Map<string, number>;
  planIds: Map<string, number>;
  /** By item code. */
  itemIds: Map<string, number>;
}

export function loadLedgerForTest(db: Db, rows: readonly SeedLedgerRow[], groupList = SEED_GROUPS): LoadedLedger {
  return db.transaction((tx) => {
    const groupIds = new Map<string, number>();
    for (const g of groupList) groupIds.set(g.code, tx.insert(groups).values(g).returning({ id: groups.id }).get().id);
    const departmentIds = new Map<string, number>();
    const departmentId = (name: string) => {
      let id = departmentIds.get(name);
      if (id === undefined) {
        id = tx.insert(departments).values({ name }).returning({ id: departments.id }).get().id;
        departmentIds.set(name, id);
      }
      return id;
    };
    const planIds = new Map<string, number>();
    const itemIds = new Map<string, number>();
    for (const r of rows) {
      let planId = planIds.get(r.plan_code);
      if (planId === undefined) {
        planId = tx
          .insert(plans)
          .values({
            code: r.plan_code,
            title: r.plan_title,
            domain: r.domain,
            leadGroupId: groupIds.get(r.lead_group) ?? null,
            leadDepartmentId: departmentId(r.lead_department),
            stage: r.issued_on ? 'issued' : 'approved',
            issuedOn: r.issued_on || null,
          })
          .returning({ id: plans.id })
          .get().id;
        planIds.set(r.plan_code, planId);
      }
      const itemId = tx
        .insert(items)
        .values({
          planId,
          code: r.item_code,
          title: r.item_title,
          dueOn: r.due_on || null,
          status: r.status,
          note: r.note || null,
        })
        .returning({ id: items.id })
        .get().id;
      itemIds.set(r.item_code, itemId);
      r.responsible_departments.split(SEED_DEPARTMENT_SEPARATOR).forEach((name, position) => {
        tx.insert(itemDepartments)
          .values({ itemId, departmentId: departmentId(name), position })
          .run();
      });
    }
    return { groupIds, planIds, itemIds };
  });
}
