import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { loadRankings } from '../../src/store/ranking.ts';
import { DEPARTMENTS } from '../support/office.ts';
import { AUDIT, MONDAY, MONDAY_BEFORE, playTheWeek, seedRankingOffice } from '../support/rankingOffice.ts';

const TZ = 'Asia/Shanghai';
const brief = (rows: ReturnType<typeof loadRankings>['departments']) =>
  rows.map((r) => [r.rank, r.unit, r.rate, `${r.onTime}/${r.dueSoFar}`, r.overdue, r.movement]);

describe('loadRankings', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
    seedRankingOffice(db);
    playTheWeek(db);
  });

  it('ranks departments and groups by on-time completion with the movement since a week before', () => {
    const r = loadRankings(db, { asOf: MONDAY, timeZone: TZ });
    expect(r.previousAsOf).toBe(MONDAY_BEFORE);
    expect(brief(r.departments)).toEqual([
      [1, DEPARTMENTS.finance, 50, '1/2', 0, { kind: 'up', places: 1 }],
      [2, DEPARTMENTS.ndrc, 33.3, '1/3', 1, { kind: 'down', places: 1 }],
      // a tie: the same counts, so by name (natural order: code points for Chinese names)
      [3, AUDIT, 0, '0/1', 1, { kind: 'new' }],
      [3, DEPARTMENTS.education, 0, '0/1', 1, { kind: 'same' }],
    ]);
    expect(brief(r.groups)).toEqual([
      [1, 'G1', 40, '2/5', 1, { kind: 'same' }],
      [2, 'G2', 0, '0/2', 2, { kind: 'same' }],
    ]);
  });

  it('recomputes the earlier day from the history: statuses then, changes after it undone', () => {
    const before = loadRankings(db, { asOf: MONDAY_BEFORE, timeZone: TZ });
    expect(brief(before.departments).map((r) => r.slice(0, 4))).toEqual([
      [1, DEPARTMENTS.ndrc, 100, '1/1'],
      [2, DEPARTMENTS.finance, 50, '1/2'],
      [3, DEPARTMENTS.education, 0, '0/1'],
    ]);
  });

  it('reads a done day in the office time zone: 16:30 UTC on the due date is the next day in Shanghai', () => {
    const inUtc = loadRankings(db, { asOf: MONDAY, timeZone: 'UTC' });
    const ndrc = inUtc.departments.find((r) => r.unit === DEPARTMENTS.ndrc);
    expect(ndrc).toMatchObject({ onTime: 2, dueSoFar: 3 });
  });

  it('takes the last change to done: a returned item done again late is late', () => {
    const item = db.$client.prepare("select id from items where code = '1' and plan_id = 1").pluck().get() as number;
    db.$client
      .prepare(
        "insert into item_history (item_id, field, from_value, to_value, actor, source, at) values (?, 'status', 'done', 'started', 'U0ADMIN', 'slack', '2016-06-28T02:00:00.000Z'), (?, 'status', 'started', 'done', 'U0ADMIN', 'slack', '2016-06-29T02:00:00.000Z')",
      )
      .run(item, item);
    const r = loadRankings(db, { asOf: MONDAY, timeZone: TZ });
    expect(r.departments.find((u) => u.unit === DEPARTMENTS.ndrc)).toMatchObject({ onTime: 0, dueSoFar: 3 });
  });

  it('counts items without a known done day (loaded already done) as on time', () => {
    const fresh = openDatabase(':memory:');
    seedRankingOffice(fresh);
    fresh.$client.prepare('delete from item_history').run();
    fresh.$client.prepare("update items set status = 'done' where due_on < '2016-07-01'").run();
    const r = loadRankings(fresh, { asOf: MONDAY, timeZone: TZ });
    expect(r.departments.find((u) => u.unit === DEPARTMENTS.education)).toMatchObject({ onTime: 1, dueSoFar: 1 });
  });

  it('counts an item an import brought in after the day with the status the ledger gave it', () => {
    const fresh = openDatabase(':memory:');
    seedRankingOffice(fresh);
    const item = fresh.$client
      .prepare("select i.id from items i join plans p on p.id = i.plan_id where p.code = 'P2' and i.code = '1'")
      .pluck()
      .get() as number;
    // the education item's first row: loaded done by an import on 07-02, after both days
    fresh.$client.prepare("update items set status = 'done' where id = ?").run(item);
    fresh.$client
      .prepare(
        "insert into item_history (item_id, field, from_value, to_value, actor, source, at) values (?, 'status', null, 'done', 'import:台账.xlsx', 'import', '2016-07-02T02:00:00.000Z')",
      )
      .run(item);
    const before = loadRankings(fresh, { asOf: MONDAY_BEFORE, timeZone: TZ });
    expect(before.departments.find((u) => u.unit === DEPARTMENTS.education)).toMatchObject({ onTime: 1, dueSoFar: 1 });
    // and a week later it keeps its place (first, tied on 100% a week before), not "up" from 0%
    const after = loadRankings(fresh, { asOf: MONDAY, timeZone: TZ });
    expect(after.departments.find((u) => u.unit === DEPARTMENTS.education)).toMatchObject({
      rank: 1,
      movement: { kind: 'same' },
    });
  });
});
