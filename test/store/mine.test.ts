// myItems (App Home, `/reform mine`): the right items, found through indexes. It runs for every
// Home built, and a whole-ledger scan there cost ~110 ms per person at 250,000 items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/permissions.ts';
import { myItems } from '../../src/store/mine.ts';
import { type TempDb, tempDb } from '../support/db.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  const sql = t.db.$client;
  sql.prepare("insert into groups (code, name) values ('G1', '一组'), ('G2', '二组')").run();
  sql.prepare("insert into departments (name) values ('甲'), ('乙')").run();
  sql
    .prepare(
      `insert into plans (code, title, domain, lead_group_id, stage, closed_on) values
        ('P1', '一', 'economic', 1, 'issued', null), ('P2', '二', 'economic', 2, 'issued', null), ('P3', '三', 'economic', 1, 'closed', '2026-01-01')`,
    )
    .run();
  sql
    .prepare(
      `insert into items (plan_id, code, title, status) values
        (1, '1', 'G1 的事项', 'started'), (2, '1', '甲 的事项', 'not_started'), (2, '2', '乙 的事项', 'done'), (3, '1', '已销账', 'done')`,
    )
    .run();
  sql
    .prepare(
      'insert into item_departments (item_id, department_id, position) values (1, 1, 0), (2, 1, 0), (3, 2, 0), (4, 1, 0)',
    )
    .run();
});
afterEach(() => t.cleanup());

const person = (groupIds: number[], departmentIds: number[]): Person => ({
  userId: 'U1',
  isAdmin: false,
  groupIds: new Set(groupIds),
  departmentIds: new Set(departmentIds),
});
const codes = (p: Person) =>
  myItems(t.db, p)
    .map((i) => `${i.planCode}#${i.code}`)
    .sort();

describe('myItems', () => {
  it('the items of the plans the groups lead and of the departments, once each, closed-out plans left out', () => {
    expect(codes(person([1], []))).toEqual(['P1#1']);
    expect(codes(person([], [1]))).toEqual(['P1#1', 'P2#1']);
    expect(codes(person([1], [1, 2]))).toEqual(['P1#1', 'P2#1', 'P2#2']);
    expect(codes(person([], []))).toEqual([]);
  });

  it('reads through indexes, never scanning the items table', () => {
    const statements: string[] = [];
    const prepare = t.db.$client.prepare.bind(t.db.$client);
    t.db.$client.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof t.db.$client.prepare;
    myItems(t.db, person([1, 2], [1, 2]));
    t.db.$client.prepare = prepare;
    expect(statements).toHaveLength(1);
    const plan = (
      t.db.$client.prepare(`explain query plan ${statements[0]}`).all(1, 2, 1, 2) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.filter((d) => /^SCAN (i|items|gi)\b/.test(d))).toEqual([]);
  });
});
