import type { Db } from './client.ts';

/**
 * A query built by drizzle once per database instead of on every call: building the SQL text
 * (walking the query object) cost more than running it on the hottest pages. Values go in through
 * `sql.placeholder(name)`; the query builder's result is what `build` returns (`….prepare()`).
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) built.set(db, (query = build(db)));
    return query;
  };
}
