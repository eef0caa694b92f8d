import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contacts, enterprises } from "@/db/schema";
import { documentTerms } from "@/lib/search/terms";
import { type EnterpriseNames, nameKey, nameKeysOf } from "./name-key";

interface Searchable extends EnterpriseNames {
  creditCode?: string | null;
}

/**
 * The derived columns of an enterprise, from its own fields and its contacts' names. Every
 * writer of an enterprise's names sets them from here.
 */
export function searchColumns(e: Searchable, contactNames: readonly string[] = []) {
  return {
    // Never null: the name sort is a keyset on (name_key, id).
    nameKey: nameKey(e.nameZh) ?? nameKey(e.nameEn) ?? "",
    // Every name's key, aliases included: what the duplicate checks compare (duplicates.ts).
    nameKeys: nameKeysOf(e),
    searchTerms: documentTerms([e.nameZh, e.nameEn, ...(e.aliases ?? []), e.creditCode, ...contactNames]),
  };
}

/**
 * Recomputes name keys and search terms for these enterprises (after a contact change, a
 * merge, or for rows written before the columns existed). Not server-only: the seed uses it.
 */
export async function refreshEnterpriseSearch(db: Db | Tx, ids: readonly string[] | "stale") {
  const where = ids === "stale" ? sql`cardinality(${enterprises.searchTerms}) = 0` : inArray(enterprises.id, [...ids]);
  if (ids !== "stale" && ids.length === 0) return 0;
  const rows = await db
    .select({ id: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn, aliases: enterprises.aliases, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(where);
  if (rows.length === 0) return 0;
  const people = await db
    .select({ enterpriseId: contacts.enterpriseId, name: contacts.name })
    .from(contacts)
    .where(and(inArray(contacts.enterpriseId, rows.map((r) => r.id)), isNull(contacts.deletedAt)));
  for (const row of rows) {
    const names = people.filter((p) => p.enterpriseId === row.id).map((p) => p.name);
    await db.update(enterprises).set(searchColumns(row, names)).where(eq(enterprises.id, row.id));
  }
  return rows.length;
}
