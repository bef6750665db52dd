// The statistics of the whole ledger, reused while the database has not changed. Computing them
// reads every item (about 100 ms for 25,000 items) and runs on the event loop: when many people
// ask `/reform stats` at once, each computation delays every other request's ack, so the bot fell
// behind at 200 requests a second. The figures depend only on the query and the data, so the last
// result is kept with the ledger's change generation and served again until either changes.
import type { Db } from '../db/client.ts';
import type { Stats } from '../domain/stats.ts';
import { prepared } from './prepared.ts';
import { loadStats, type StatsQuery } from './stats.ts';

interface Entry {
  query: StatsQuery;
  generation: string;
  stats: Stats;
  /** Monotonic time of the computation (performance.now()). */
  computedAt: number;
}

const last = new WeakMap<Db, Entry>();

const generationQuery = (db: Db) =>
  db.$client.prepare(
    "select (select max(id) from item_history) as history, (select value from settings where key = 'plans_version') as plans",
  );

/**
 * Changes whenever the ledger the statistics read changes, whoever wrote it (the bot, or the CLI
 * importing a ledger in another process): every item change appends to item_history, and a
 * trigger counts changes to plans and groups (migration 0001). Other writes (the outbox, locales,
 * job runs) leave it alone, so a busy dispatcher does not throw the cache away.
 */
export function writeGeneration(db: Db): string {
  const row = prepared(db, generationQuery).get() as { history: number | null; plans: string | null };
  return `${row.history ?? 0}:${row.plans ?? 0}`;
}

function sameQuery(a: StatsQuery, b: StatsQuery): boolean {
  return (
    a.asOf === b.asOf &&
    a.calendar === b.calendar &&
    a.yellowWorkdays === b.yellowWorkdays &&
    (a.planCodes ?? []).join('\n') === (b.planCodes ?? []).join('\n') &&
    (a.planCodes === undefined) === (b.planCodes === undefined)
  );
}

/**
 * loadStats, answered from the last result when the query and the data are the same. Read-only.
 * With `reuseForMs`, a result computed that recently is reused even when the ledger changed
 * since: at 250,000 items one computation costs about 200 ms, and under 20 clicks a second
 * every `/reform stats` would compute again, more work than one read worker can do. Figures a
 * second or two old are what a person reading them expects anyway.
 */
export function cachedStats(db: Db, query: StatsQuery, reuseForMs = 0): Stats {
  const entry = last.get(db);
  if (entry && sameQuery(entry.query, query) && performance.now() - entry.computedAt < reuseForMs) return entry.stats;
  const generation = writeGeneration(db);
  if (entry && entry.generation === generation && sameQuery(entry.query, query)) return entry.stats;
  const stats = loadStats(db, query);
  last.set(db, { query, generation, stats, computedAt: performance.now() });
  return stats;
}
