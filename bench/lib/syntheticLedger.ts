// A large synthetic ledger written straight into SQLite (not through the importer, which has its
// own benchmark): plans spread over nine groups and seven domains, items with mixed statuses and
// due dates around `around` so every traffic light occurs.
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/dates.ts';
import { DOMAINS } from '../../src/domain/types.ts';

export interface SyntheticLedger {
  plans: number;
  /** Total items, spread evenly over the plans. */
  items: number;
  /** The as-of day due dates cluster around. */
  around: string;
  /** Users per department (reminders fan out to them). */
  membersPerDepartment?: number;
  /**
   * Write the item history a bot that has run half a year would have: every item imported 26
   * weeks before `around` (plans all done came in done), and each other done item finished on a
   * day spread over those weeks. The ranking and the burn-up read it.
   */
  history?: boolean;
}

export function writeSyntheticLedger(path: string, spec: SyntheticLedger): void {
  const db = openDatabase(path);
  const sql = db.$client;
  const departments = 40;
  sql.transaction(() => {
    for (let g = 1; g <= 9; g++) {
      sql.prepare('insert into groups (code, name, channel) values (?, ?, ?)').run(`G${g}`, `专项小组${g}`, `C0G${g}`);
      sql
        .prepare(
          "insert into group_members (group_id, user_id, role) values (?, ?, 'leader'), (?, ?, 'deputy'), (?, ?, 'liaison')",
        )
        .run(g, `U0L${g}`, g, `U0D${g}`, g, `U0C${g}`);
    }
    for (let d = 1; d <= departments; d++) {
      sql.prepare('insert into departments (name) values (?)').run(`省直部门${d}`);
      for (let m = 1; m <= (spec.membersPerDepartment ?? 3); m++)
        sql.prepare('insert into department_members (department_id, user_id) values (?, ?)').run(d, `U0M${d}X${m}`);
    }
    sql.prepare("insert into admins (user_id) values ('U0ADMIN')").run();
    sql.prepare("insert into settings (key, value) values ('digest_channel', 'C0DIGEST')").run();
    const plan = sql.prepare(
      "insert into plans (code, title, domain, lead_group_id, lead_department_id, stage, issued_on) values (?, ?, ?, ?, ?, 'issued', '2025-06-30')",
    );
    const item = sql.prepare('insert into items (plan_id, code, title, due_on, status) values (?, ?, ?, ?, ?)');
    const link = sql.prepare('insert into item_departments (item_id, department_id, position) values (?, ?, ?)');
    const history = sql.prepare(
      "insert into item_history (item_id, field, from_value, to_value, actor, source, at) values (?, 'status', ?, ?, 'bench', ?, ?)",
    );
    const imported = `${addDays(spec.around, -182)}T02:00:00.000Z`;
    const statuses = ['done', 'done', 'started', 'not_started', 'done', 'started'];
    let itemId = 0;
    for (let p = 1; p <= spec.plans; p++) {
      plan.run(
        `P${p}`,
        `关于深化第${p}项改革的实施方案`,
        DOMAINS[p % DOMAINS.length],
        (p % 9) + 1,
        (p % departments) + 1,
      );
      // every 40th plan is all done, so close-out has work
      const count = Math.floor(spec.items / spec.plans) + (p <= spec.items % spec.plans ? 1 : 0);
      for (let i = 1; i <= count; i++) {
        const status = p % 40 === 0 ? 'done' : (statuses[(p * 7 + i) % statuses.length] as string);
        item.run(
          p,
          String(i),
          `第${p}项方案的第${i}项具体改革事项：完善相关制度机制`,
          addDays(spec.around, ((p + i * 13) % 60) - 30),
          status,
        );
        itemId += 1;
        link.run(itemId, ((p + i) % departments) + 1, 0);
        if (spec.history) {
          const finishedLater = status === 'done' && p % 40 !== 0;
          history.run(itemId, null, finishedLater ? 'started' : status, 'import', imported);
          if (finishedLater)
            history.run(
              itemId,
              'started',
              'done',
              'slack',
              `${addDays(spec.around, -((p * 31 + i * 7) % 182))}T03:00:00.000Z`,
            );
        }
      }
    }
  })();
  closeDatabase(db);
}
