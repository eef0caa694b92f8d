import { sql, type SQL } from "drizzle-orm";

/**
 * A correlated subquery for a select list. In a single-table select, drizzle writes the
 * columns at the top level of a field's SQL without their table name, so `events.id` inside
 * `(select … where participant.event_id = events.id)` would become `id` and bind to the inner
 * table. Nesting the subquery keeps every column qualified.
 */
export function correlated<T>(subquery: SQL): SQL<T> {
  return sql<T>`${subquery}`;
}
