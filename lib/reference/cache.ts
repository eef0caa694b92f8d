// Reference tables (industrial chains and their nodes, teams, people) are read by most pages and
// change a few times a year: each process keeps what it read for a short while. A committed
// action that writes one of them (lib/action-core.ts, by its audit entries) and a sign-in (which
// may add a person or change a name) start afresh at once in this process; other instances
// catch up within TTL_MS.
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
