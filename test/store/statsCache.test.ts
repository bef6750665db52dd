import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { changeItem } from '../../src/store/items.ts';
import { cachedStats, writeGeneration } from '../../src/store/statsCache.ts';
import { type TempDb, tempDb } from '../support/db.ts';

let t: TempDb;
const query = { asOf: '2026-11-27', calendar: WEEKENDS_ONLY, yellowWorkdays: 3 };
const at = new Date('2026-11-27T02:00:00Z');

beforeEach(() => {
  t = tempDb();
  const sql = t.db.$client;
  sql.prepare("insert into plans (code, title, domain) values ('P1', '方案一', 'economic')").run();
  sql
    .prepare(
      "insert into items (plan_id, code, title, due_on, status) values (1, '1', '事项一', '2026-12-01', 'not_started'), (1, '2', '事项二', '2026-12-01', 'started')",
    )
    .run();
});
afterEach(() => t.cleanup());

describe('cachedStats', () => {
  it('answers the same query from the last result while nothing was written', () => {
    const first = cachedStats(t.db, query);
    expect(first.items).toBe(2);
    expect(cachedStats(t.db, { ...query })).toBe(first);
  });

  it('recomputes after a change through this connection', () => {
    const before = cachedStats(t.db, query);
    expect(changeItem(t.db, { itemId: 1, status: 'done', actor: 'U1', source: 'slack', at }).kind).toBe('applied');
    const after = cachedStats(t.db, query);
    expect(after).not.toBe(before);
    expect(after.done).toBe(1);
  });

  it('under load, reuses figures computed within reuseForMs although the ledger changed, then recomputes', async () => {
    const before = cachedStats(t.db, query, 200);
    expect(changeItem(t.db, { itemId: 1, status: 'done', actor: 'U1', source: 'slack', at }).kind).toBe('applied');
    expect(cachedStats(t.db, query, 200)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = cachedStats(t.db, query, 200);
    expect(after).not.toBe(before);
    expect(after.done).toBe(1);
  });

  it('recomputes after another process (the CLI) commits to the same file', () => {
    const before = cachedStats(t.db, query);
    const other = openDatabase(t.path);
    // As the importer does: the item and its history row.
    other.$client.prepare("insert into items (plan_id, code, title, status) values (1, '3', '事项三', 'done')").run();
    other.$client
      .prepare(
        "insert into item_history (item_id, field, to_value, actor, source, at) values (3, 'status', 'done', 'import:x.csv', 'import', '2026-11-27')",
      )
      .run();
    closeDatabase(other);
    const after = cachedStats(t.db, query);
    expect(after.items).toBe(3);
    expect(before.items).toBe(2);
  });

  it('recomputes for another day, threshold, calendar or plan selection', () => {
    const variants = [
      { ...query, asOf: '2026-11-30' },
      { ...query, yellowWorkdays: 5 },
      { ...query, calendar: { holidays: new Set(['2026-11-30']), makeUpWorkdays: new Set<string>() } },
      { ...query, planCodes: ['P1'] },
    ];
    for (const variant of variants) {
      const cached = cachedStats(t.db, query);
      expect(cachedStats(t.db, query)).toBe(cached);
      expect(cachedStats(t.db, variant)).not.toBe(cached);
    }
  });

  it('moves the generation when the ledger changes, not for outbox or locale writes', () => {
    const g = writeGeneration(t.db);
    expect(writeGeneration(t.db)).toBe(g);
    t.db.$client
      .prepare("insert into user_locales (user_id, locale, fetched_at) values ('U1', 'en-US', '2026-11-27T00:00:00Z')")
      .run();
    t.db.$client
      .prepare(
        "insert into outbox (idempotency_key, kind, target, payload, next_attempt_at) values ('k', 'reminder', 'U1', '{}', '2026-11-27')",
      )
      .run();
    expect(writeGeneration(t.db)).toBe(g);
    t.db.$client.prepare("update plans set stage = 'closed', closed_on = '2026-11-27' where code = 'P1'").run();
    const closed = writeGeneration(t.db);
    expect(closed).not.toBe(g);
    t.db.$client.prepare('update groups set code = code').run();
    changeItem(t.db, { itemId: 2, status: 'done', actor: 'U1', source: 'slack', at });
    expect(writeGeneration(t.db)).not.toBe(closed);
  });
});
