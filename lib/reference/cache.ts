import { sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database, Db, Tx } from "@/db";

// Reference tables (industrial chains and their nodes, teams, people) are read by most pages and
// change a few times a year: each process keeps what it read for a short while. A committed
// action that writes one of them (lib/action-core.ts, by its audit entries) and a sign-in (which
// may add a person or change a name) start afresh at once in this process, and on a PostgreSQL
// server tell every other instance to do the same (NOTIFY on REFERENCE_CHANNEL, which each
// instance LISTENs to from its start: followReferenceChanges). TTL_MS stays as the safety net for
// a notification lost with a dropped connection.
const TTL_MS = 30_000;

/** Audit entity types whose writes change reference data. */
export const REFERENCE_ENTITIES: ReadonlySet<string> = new Set(["industrial_chain", "chain_node", "team", "user"]);

interface Entry {
  generation: number;
  expires: number;
  value: Promise<unknown>;
}

let generation = 0;
// Per database handle, so a test's fresh database never sees another's rows.
const store = new WeakMap<object, Map<string, Entry>>();

/** `load()`'s answer for `key`, read at most once per TTL_MS per process, shared by every caller. */
export function cachedReference<T>(db: object, key: string, load: () => PromiseLike<T>): Promise<T> {
  let entries = store.get(db);
  if (!entries) store.set(db, (entries = new Map()));
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.value as Promise<T>;
  // A query builder runs again each time it is awaited: keep the one answer.
  const value = Promise.resolve(load());
  const entry = { generation, expires: now + TTL_MS, value };
  entries.set(key, entry);
  // A failed read is not kept.
  value.catch(() => entries.get(key) === entry && entries.delete(key));
  return value;
}

/** Reference data changed: the next read goes to the database. */
export function referenceChanged() {
  generation++;
}

/** The PostgreSQL channel on which an instance tells the others that reference data changed. */
export const REFERENCE_CHANNEL = "landfall_reference";

/**
 * Tells every instance, through the database, that reference data changed. Sent inside the
 * writing transaction, the notification is delivered when it commits and never if it rolls back.
 * It does not clear this process's cache (referenceChanged does, after the commit). On PGlite,
 * one process, nobody listens.
 */
export async function announceReferenceChange(db: Db | Tx): Promise<void> {
  await db.execute(sql`select pg_notify(${REFERENCE_CHANNEL}, '')`);
}

/**
 * On a server: clears what this process keeps whenever any instance announces a change, and each
 * time the listening connection is established again after it was lost, since what was announced
 * meanwhile is unknown. postgres.js keeps that connection (one of its own, beside the pool) and
 * listens again when the server is back, after an outage of seconds or minutes. Returns how to
 * stop listening.
 */
export async function followReferenceChanges(database: Pick<Database, "kind" | "db">): Promise<() => Promise<void>> {
  if (database.kind !== "server") return async () => {};
  const client = (database.db as unknown as { $client: postgres.Sql }).$client;
  const { unlisten } = await client.listen(REFERENCE_CHANNEL, () => referenceChanged(), () => referenceChanged());
  return unlisten;
}
