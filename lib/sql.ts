import { sql, type SQL } from "drizzle-orm";
import { TIME_ZONE } from "@/lib/time";

/**
 * A correlated subquery for a select list. In a single-table select, drizzle writes the
 * columns at the top level of a field's SQL without their table name, so `events.id` inside
 * `(select … where participant.event_id = events.id)` would become `id` and bind to the inner
 * table. Nesting the subquery keeps every column qualified.
 */
export function correlated<T>(subquery: SQL): SQL<T> {
  return sql<T>`${subquery}`;
}

// The bureau's days in SQL (lib/time.ts in code). The zone is written into the statement, not
// bound as a parameter: an expression written twice (a select list and its group by) must be
// the same text for PostgreSQL to see one expression.
const ZONE = sql.raw(`'${TIME_ZONE}'`);

/** The bureau's calendar day (a date) a timestamptz falls on; today, as the database sees it, when none is given. */
export const shanghaiDaySql = (instant: unknown = sql`now()`): SQL<string> => sql<string>`(${instant} at time zone ${ZONE})::date`;

/** Midnight in the bureau's zone of a date: the instant that day begins. */
export const shanghaiInstantSql = (day: unknown): SQL => sql`(${day}::timestamp at time zone ${ZONE})`;
