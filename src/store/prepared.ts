// Queries on the path of every answer, prepared once per connection. Building a drizzle query
// and having SQLite compile it again cost more than running it (about 0.2 ms per query; an item
// card needs five), so the hot lookups keep their prepared statement, with placeholders, for as
// long as the connection lives.
import type { Db } from '../db/client.ts';

const caches = new WeakMap<Db, Map<string, unknown>>();

/** The query `build` makes for this connection, built on first use. `name` must be unique per query. */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let query = cache.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    cache.set(name, query);
  }
  return query;
}
