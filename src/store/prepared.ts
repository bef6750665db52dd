// Queries on the path of every answer, prepared once per connection. Building a drizzle query
// and having SQLite compile it again cost more than running it (about 0.2 ms per query; an item
// card needs five), so the hot lookups keep their prepared statement, with placeholders, for as
// long as the connection lives.
import type { Db } from '../db/client.ts';

const caches = new WeakMap<Db, Map<(db: Db) => unknown, unknown>>();

/** The query `build` makes for this connection, built on first use. `build` must be a module-level function: it is the cache key. */
export function prepared<T>(db: Db, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let query = cache.get(build) as T | undefined;
  if (query === undefined) {
    query = build(db);
    cache.set(build, query);
  }
  return query;
}
