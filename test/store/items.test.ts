import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeItem, findItem, recentHistory } from '../../src/store/items.ts';
import { type TempDb, tempDb } from '../support/db.ts';

let t: TempDb;
let itemId: number;
const at = new Date('2026-11-27T02:00:00Z');

beforeEach(() => {
  t = tempDb();
  const sql = t.db.$client;
  sql.prepare("insert into plans (code, title, domain) values ('P1', '方案一', 'economic')").run();
  sql
    .prepare(
      "insert into items (plan_id, code, title, due_on, status) values (1, '3', '事项三', '2026-12-01', 'not_started')",
    )
    .run();
  itemId = (findItem(t.db, 'P1', '3') as { id: number }).id;
});
afterEach(() => t.cleanup());

describe('changeItem', () => {
  it('applies a status change once and records who, when, from, to and the note', () => {
    const result = changeItem(t.db, {
      itemId,
      status: 'started',
      note: '已召开协调会',
      actor: 'U0M1',
      source: 'slack',
      at,
    });
    expect(result.kind).toBe('applied');
    const history = recentHistory(t.db, itemId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      field: 'status',
      fromValue: 'not_started',
      toValue: 'started',
      actor: 'U0M1',
      source: 'slack',
      note: '已召开协调会',
      at: at.toISOString(),
    });
    expect(findItem(t.db, 'P1', '3')?.version).toBe(2);
  });

  it('applies the same request key once (Slack retry)', () => {
    const change = {
      itemId,
      status: 'done' as const,
      actor: 'U0M1',
      source: 'slack' as const,
      at,
      requestKey: 'cmd:trigger-1',
    };
    expect(changeItem(t.db, change).kind).toBe('applied');
    expect(changeItem(t.db, change).kind).toBe('duplicate');
    expect(recentHistory(t.db, itemId)).toHaveLength(1);
  });

  it('refuses a change built on a stale version, but a repeat of the applied change is just unchanged', () => {
    expect(
      changeItem(t.db, { itemId, status: 'done', actor: 'U1', source: 'slack', at, expectedVersion: 1 }).kind,
    ).toBe('applied');
    // double click: same status again on the old version
    expect(
      changeItem(t.db, { itemId, status: 'done', actor: 'U1', source: 'slack', at, expectedVersion: 1 }).kind,
    ).toBe('unchanged');
    // a different change from the stale card
    expect(
      changeItem(t.db, { itemId, status: 'started', actor: 'U1', source: 'slack', at, expectedVersion: 1 }).kind,
    ).toBe('stale');
    expect(recentHistory(t.db, itemId)).toHaveLength(1);
    expect(findItem(t.db, 'P1', '3')?.status).toBe('done');
  });

  it('reports an unknown item', () => {
    expect(changeItem(t.db, { itemId: 999, status: 'done', actor: 'U1', source: 'cli', at }).kind).toBe('notFound');
  });
});
