// Type-ahead for the status-update modal: plans by code or title, then the items of one plan.
// A plan may hold hundreds of items and a select shows at most 100 options, so the person types
// and we answer with the best matches: exact code, then code prefix, then anything containing
// the text, each group in natural code order (P2 before P10).
import type { Db } from '../db/client.ts';
import { parseItemRef } from '../domain/itemRef.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import type { Status } from '../domain/types.ts';

/** Slack shows at most 100 options in a select. */
export const MAX_SUGGESTIONS = 100;

export interface PlanMatch {
  id: number;
  code: string;
  title: string;
  stage: string;
}

export interface ItemMatch {
  id: number;
  planId: number;
  planCode: string;
  code: string;
  title: string;
  status: Status;
}

function rank(code: string, query: string): number {
  const c = code.toLowerCase();
  if (c === query) return 0;
  if (c.startsWith(query)) return 1;
  return 2;
}

function best<T extends { code: string }>(
  rows: T[],
  query: string,
  limit: number,
  key: (row: T) => string = (r) => r.code,
): T[] {
  return rows
    .map((row) => ({ row, r: rank(row.code, query) }))
    .sort((a, b) => a.r - b.r || compareNatural(key(a.row), key(b.row)))
    .slice(0, limit)
    .map((x) => x.row);
}

const normalise = (text: string) => text.trim().toLowerCase();

export function searchPlans(db: Db, text: string, limit = MAX_SUGGESTIONS): PlanMatch[] {
  const query = normalise(text);
  const rows = db.$client
    .prepare(
      `select id, code, title, stage from plans
        where ? = '' or instr(lower(code), ?) > 0 or instr(lower(title), ?) > 0`,
    )
    .all(query, query, query) as PlanMatch[];
  return best(rows, query, limit);
}

const ITEM_COLUMNS = `i.id, i.plan_id as planId, p.code as planCode, i.code, i.title, i.status`;

/** Items of one plan; `#3` and `P1#3` are read as the item code 3. */
export function searchItemsOfPlan(db: Db, planId: number, text: string, limit = MAX_SUGGESTIONS): ItemMatch[] {
  const ref = parseItemRef(text);
  const query = normalise(ref ? ref.itemCode : text.replace(/^\s*[#＃]/, ''));
  const rows = db.$client
    .prepare(
      `select ${ITEM_COLUMNS} from items i join plans p on p.id = i.plan_id
        where i.plan_id = ? and (? = '' or instr(lower(i.code), ?) > 0 or instr(lower(i.title), ?) > 0)`,
    )
    .all(planId, query, query, query) as ItemMatch[];
  return best(rows, query, limit);
}

/**
 * Items of any plan, when no plan has been chosen: `P1#3` (or a prefix of it) by reference,
 * anything else by title or item code. Ordered by plan, then item, naturally.
 */
export function searchItemsAnyPlan(db: Db, text: string, limit = MAX_SUGGESTIONS): ItemMatch[] {
  // `P1#` (nothing after the mark yet) already names the plan.
  const ref =
    parseItemRef(text) ??
    (/^\s*[^#＃\s]+\s*[#＃]\s*$/.test(text) ? { planCode: text.replace(/[#＃\s]/g, ''), itemCode: '' } : undefined);
  const sortKey = (r: ItemMatch) => `${r.planCode}#${r.code}`;
  if (ref) {
    const plan = normalise(ref.planCode);
    const item = normalise(ref.itemCode);
    const rows = db.$client
      .prepare(
        `select ${ITEM_COLUMNS} from items i join plans p on p.id = i.plan_id
          where lower(p.code) = ? and (? = '' or lower(i.code) like ? || '%' escape '\\')`,
      )
      .all(
        plan,
        item,
        item.replace(/[\\%_]/g, (c) => `\\${c}`),
      ) as ItemMatch[];
    return best(rows, item, limit, sortKey);
  }
  const query = normalise(text);
  if (query === '') return [];
  const rows = db.$client
    .prepare(
      `select ${ITEM_COLUMNS} from items i join plans p on p.id = i.plan_id
        where instr(lower(i.title), ?) > 0 or instr(lower(i.code), ?) > 0
        limit 2000`,
    )
    .all(query, query) as ItemMatch[];
  return rows.sort((a, b) => compareNatural(sortKey(a), sortKey(b))).slice(0, limit);
}

export function planById(db: Db, planId: number): PlanMatch | undefined {
  return db.$client.prepare(`select id, code, title, stage from plans where id = ?`).get(planId) as
    | PlanMatch
    | undefined;
}
