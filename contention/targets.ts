// Whom and what the load clicks and updates: real items, each at most once, read from the bot's
// database the moment the request is built, as a person would see the card then (its version and
// status after whatever the CLI import changed). The clicker is a member of one of the item's
// departments, so the change is allowed; several users take turns. Clicks take the items whose id
// is a multiple of 4, `/reform update` the ones of the form 4n+2: the two never meet on one item.
import Database from 'better-sqlite3';
import { seededRandom } from '../test/support/standInFaults.ts';

export interface WriteTarget {
  itemId: number;
  planCode: string;
  itemCode: string;
  version: number;
  /** The status the request asks for: one step on from the current one. */
  to: 'started' | 'done';
  userId: string;
}

export interface TargetSource {
  nextClick(): WriteTarget | undefined;
  nextUpdate(): WriteTarget | undefined;
  /** A plan code and item reference for read commands. */
  randomRef(): { planCode: string; itemCode: string };
  /** Someone with a department, for read commands. */
  randomUser(): string;
  close(): void;
}

function shuffled(ids: number[], random: () => number): number[] {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids;
}

export function openTargets(path: string, seed: number): TargetSource {
  // Read-only and in WAL mode: never holds a lock the bot or the CLI waits for.
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 2000');
  const random = seededRandom(seed ^ 0x51ed);
  const maxId = db.prepare('select max(id) from items').pluck().get() as number;
  const pools = {
    click: shuffled(
      Array.from({ length: Math.floor(maxId / 4) }, (_, i) => (i + 1) * 4),
      random,
    ),
    update: shuffled(
      Array.from({ length: Math.floor((maxId + 2) / 4) }, (_, i) => i * 4 + 2),
      random,
    ),
  };
  const item = db.prepare(
    'select i.id, i.code as itemCode, i.version, i.status, p.code as planCode from items i join plans p on p.id = i.plan_id where i.id = ?',
  );
  const members = db
    .prepare(
      'select dm.user_id from item_departments d join department_members dm on dm.department_id = d.department_id where d.item_id = ? order by dm.user_id',
    )
    .pluck();
  const everyone = db
    .prepare('select distinct user_id from department_members order by user_id')
    .pluck()
    .all() as string[];
  const planCount = db.prepare('select count(*) from plans').pluck().get() as number;
  let turn = 0;

  /** `startOnly`: a click applies only *Mark started*; *Mark done* opens the evidence form instead. */
  function next(pool: number[], startOnly = false): WriteTarget | undefined {
    for (;;) {
      const id = pool.pop();
      if (id === undefined) return undefined;
      const row = item.get(id) as
        | { id: number; itemCode: string; version: number; status: string; planCode: string }
        | undefined;
      if (!row || row.status === 'done' || (startOnly && row.status !== 'not_started')) continue;
      const people = members.all(id) as string[];
      if (people.length === 0) continue;
      turn += 1;
      return {
        itemId: row.id,
        planCode: row.planCode,
        itemCode: row.itemCode,
        version: row.version,
        to: row.status === 'started' ? 'done' : 'started',
        userId: people[turn % people.length] as string,
      };
    }
  }

  return {
    nextClick: () => next(pools.click, true),
    nextUpdate: () => next(pools.update),
    randomRef: () => ({
      planCode: `P${1 + Math.floor(random() * planCount)}`,
      itemCode: String(1 + Math.floor(random() * 25)),
    }),
    randomUser: () => everyone[Math.floor(random() * everyone.length)] as string,
    close: () => db.close(),
  };
}
