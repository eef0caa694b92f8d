import { and, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { enterprises } from "@/db/schema";
import { distinctNameKeys } from "./name-key";

export interface DuplicateCandidate {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  /** Short and former names, shown beside the names: the match may be one of them. */
  aliases: string[];
  creditCode: string | null;
  nameKey: string | null;
}

/** Enterprises with any of these keys among their names' keys, answered by the GIN index on name_keys. */
export function sharesNameKey(keys: readonly string[]): SQL {
  return sql`${enterprises.nameKeys} && array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`;
}

/** The keys of every name a candidate goes by, to tell which of them matched. */
export const candidateKeys = (c: Pick<DuplicateCandidate, "nameZh" | "nameEn" | "aliases">) => distinctNameKeys(c);

/**
 * Live enterprises sharing a credit code (a hard duplicate) or a name key with any of their
 * names — Chinese, English or an alias — (a likely one: the same name once company suffixes,
 * punctuation, width and case are set aside). `name_keys && keys` is answered by its GIN index.
 */
export async function findDuplicateCandidates(
  db: Db | Tx,
  opts: { nameKeys?: readonly string[]; creditCodes?: readonly string[]; excludeId?: string; limit?: number },
): Promise<DuplicateCandidate[]> {
  const nameKeys = [...new Set(opts.nameKeys ?? [])].filter(Boolean);
  const creditCodes = [...new Set(opts.creditCodes ?? [])].filter(Boolean);
  if (nameKeys.length === 0 && creditCodes.length === 0) return [];
  return db
    .select({
      id: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      aliases: enterprises.aliases,
      creditCode: enterprises.creditCode,
      nameKey: enterprises.nameKey,
    })
    .from(enterprises)
    .where(
      and(
        isNull(enterprises.deletedAt),
        or(
          nameKeys.length ? sharesNameKey(nameKeys) : undefined,
          creditCodes.length ? inArray(enterprises.creditCode, creditCodes) : undefined,
        ),
        opts.excludeId ? ne(enterprises.id, opts.excludeId) : undefined,
      ),
    )
    .limit(opts.limit ?? 1000);
}
