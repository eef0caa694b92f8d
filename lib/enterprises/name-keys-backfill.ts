import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { enterprises } from "@/db/schema";
import { nameKeysOf } from "./name-key";

export const BACKFILL_BATCH = 1000;

/**
 * Rows whose name_keys cannot be complete: every writer stores one key per name (name-key.ts
 * nameKeysOf), so a row holding fewer keys than it has names was written before the column
 * existed — migration 0004 gave every row the key of its main name only. A name without
 * letters or digits has no key, so such a row is looked at again each time, and left as it is.
 */
const incomplete = sql`cardinality(${enterprises.nameKeys}) < num_nonnulls(${enterprises.nameZh}, ${enterprises.nameEn}) + cardinality(${enterprises.aliases})`;

/**
 * Gives every enterprise the keys of all its names, in batches of BACKFILL_BATCH rows. Run by the
 * app after migrating (db/index.ts) and by the seed. With nothing to do it costs one query: a
 * scan of the small name columns (no index can answer "fewer keys than names"), 0.2–0.6 s on
 * 200,000 enterprises. Filling is slower (every index of a changed row is written again: minutes
 * for 100,000 rows), so the app runs it beside serving requests; a row edited meanwhile (its
 * version moved on) already has its keys and is left alone. Returns how many rows it changed.
 */
export async function backfillNameKeys(db: Db | Tx, batch = BACKFILL_BATCH): Promise<number> {
  const stale = await db.select({ id: enterprises.id }).from(enterprises).where(incomplete);
  let changed = 0;
  for (let i = 0; i < stale.length; i += batch) {
    const ids = stale.slice(i, i + batch).map((r) => r.id);
    const rows = await db
      .select({
        id: enterprises.id,
        version: enterprises.version,
        nameZh: enterprises.nameZh,
        nameEn: enterprises.nameEn,
        aliases: enterprises.aliases,
        nameKeys: enterprises.nameKeys,
      })
      .from(enterprises)
      .where(inArray(enterprises.id, ids));
    const updates = rows
      .map((r) => ({ id: r.id, version: r.version, keys: nameKeysOf(r), before: r.nameKeys }))
      .filter((u) => u.keys.join("\u0000") !== u.before.join("\u0000"));
    if (updates.length === 0) continue;
    const values = JSON.stringify(updates.map(({ id, version, keys }) => ({ id, version, keys })));
    const result = (await db.execute(sql`
      update ${enterprises} set name_keys = array(select k.value from jsonb_array_elements_text(v.keys) with ordinality as k(value, n) order by k.n)
      from jsonb_to_recordset(${values}::jsonb) as v(id uuid, version int, keys jsonb)
      where ${enterprises.id} = v.id and ${enterprises.version} = v.version
      returning ${enterprises.id}`)) as unknown;
    // The two drivers shape results differently (db/index.ts queryRows).
    changed += (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).length;
  }
  return changed;
}
