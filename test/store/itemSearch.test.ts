// Type-ahead search behind the modal's external selects: ranking, scoping, references, limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_SUGGESTIONS,
  planById,
  searchItemsAnyPlan,
  searchItemsOfPlan,
  searchPlans,
} from '../../src/store/itemSearch.ts';
import { type TempDb, tempDb } from '../support/db.ts';
import { addPlan } from '../support/office.ts';

let testDb: TempDb;
beforeEach(() => {
  testDb = tempDb();
});
afterEach(() => testDb.cleanup());

const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe('searchPlans', () => {
  beforeEach(() => {
    for (const code of ['P10', 'P2', 'P1', 'AP1', 'P100'])
      addPlan(testDb.db, { code, title: `方案 ${code}`, groupId: null }, []);
    addPlan(testDb.db, { code: 'Q1', title: 'Reform of 100% state firms_ and p1 pilots', groupId: null }, []);
  });

  it('ranks the exact code first, then codes starting with the text, then any match; natural order within each', () => {
    expect(codes(searchPlans(testDb.db, 'p1'))).toEqual(['P1', 'P10', 'P100', 'AP1', 'Q1']);
  });

  it('lists every plan for an empty query, naturally ordered', () => {
    expect(codes(searchPlans(testDb.db, ''))).toEqual(['AP1', 'P1', 'P2', 'P10', 'P100', 'Q1']);
  });

  it('takes the typed text literally (no SQL wildcards)', () => {
    expect(codes(searchPlans(testDb.db, '%'))).toEqual(['Q1']);
    expect(codes(searchPlans(testDb.db, '_'))).toEqual(['Q1']);
  });

  it('finds a plan by id', () => {
    const [first] = searchPlans(testDb.db, 'P2');
    expect(planById(testDb.db, first?.id ?? 0)).toMatchObject({ code: 'P2' });
    expect(planById(testDb.db, 999)).toBeUndefined();
  });
});

describe('searching items', () => {
  let p1: number;
  beforeEach(() => {
    const items = Array.from({ length: 250 }, (_, i) => ({
      code: String(i + 1),
      title: i === 41 ? '建立投资项目在线审批监管平台' : `事项 ${i + 1}`,
      dueOn: null,
      status: 'started' as const,
      departments: [],
    }));
    p1 = addPlan(testDb.db, { code: 'P1', title: '方案一', groupId: null }, items).planId;
    addPlan(testDb.db, { code: 'P2', title: '方案二', groupId: null }, [
      { code: '1', title: '在线审批', dueOn: null, status: 'done', departments: [] },
    ]);
  });

  it('of one plan: at most 100, item code ranked, `#3` and `P1#3` read as code 3', () => {
    expect(searchItemsOfPlan(testDb.db, p1, '')).toHaveLength(MAX_SUGGESTIONS);
    expect(codes(searchItemsOfPlan(testDb.db, p1, '')).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(codes(searchItemsOfPlan(testDb.db, p1, '#3')).slice(0, 3)).toEqual(['3', '30', '31']);
    expect(codes(searchItemsOfPlan(testDb.db, p1, 'P1#3'))[0]).toBe('3');
    expect(codes(searchItemsOfPlan(testDb.db, p1, '在线审批'))).toEqual(['42']); // never P2's item
  });

  it('of any plan: by reference prefix, or by title across plans', () => {
    expect(codes(searchItemsAnyPlan(testDb.db, 'P1#25'))).toEqual(['25', '250']);
    expect(searchItemsAnyPlan(testDb.db, 'p2#')).toMatchObject([{ planCode: 'P2', code: '1' }]);
    expect(searchItemsAnyPlan(testDb.db, '在线审批').map((i) => `${i.planCode}#${i.code}`)).toEqual(['P1#42', 'P2#1']);
    expect(searchItemsAnyPlan(testDb.db, '')).toEqual([]);
    expect(searchItemsAnyPlan(testDb.db, '事项')).toHaveLength(MAX_SUGGESTIONS);
  });
});
