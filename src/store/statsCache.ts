// The statistics of the whole ledger, reused while the database has not changed. Computing them
// reads every item (about 100 ms for 25,000 items) and runs on the event loop: when many people
// ask `/reform stats` at once, each computation delays every other request's ack, so the bot fell
// behind at 200 requests a second. The figures depend only on the query and the data, so the last
// result is kept with the database's write generation and served again until either changes.
import type { Db } from '../db/client.ts';
import type { Stats } from '../domain/stats.ts';
import { loadStats, type StatsQuery } from './stats.ts';

interface Entry {
  query: StatsQuery;
  generation: string;
  stats: Stats;
}

const last = new WeakMap<Db, Entry>();

/**
 * Changes whenever anything was written: `data_version` moves when another connection commits
 * (the CLI importing a ledger), `total_changes()` counts the rows this connection changed.
 */
export function writeGeneration(db: Db): string {
  const dataVersion = db.$client.pragma('data_version', { simple: true }) as number;
  const changes = db.$client.prepare('select total_changes()').pluck().get() as number;
  return `${dataVersion}:${changes}`;
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

/** loadStats, answered from the last result when the query and the data are the same. Read-only. */
export function cachedStats(db: Db, query: StatsQuery): Stats {
  const generation = writeGeneration(db);
  const entry = last.get(db);
  if (entry && entry.generation === generation && sameQuery(entry.query, query)) return entry.stats;
  const stats = loadStats(db, query);
  last.set(db, { query, generation, stats });
  return stats;
}
