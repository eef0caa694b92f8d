import { and, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { enterprises } from "@/db/schema";

export interface DuplicateCandidate {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  nameKey: string | null;
}

/**
 * Live enterprises sharing a credit code (a hard duplicate) or a name key (a likely one:
 * same name once company suffixes, punctuation, width and case are set aside).
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
      creditCode: enterprises.creditCode,
      nameKey: enterprises.nameKey,
    })
    .from(enterprises)
    .where(
      and(
        isNull(enterprises.deletedAt),
        or(
          nameKeys.length ? inArray(enterprises.nameKey, nameKeys) : undefined,
          creditCodes.length ? inArray(enterprises.creditCode, creditCodes) : undefined,
        ),
        opts.excludeId ? ne(enterprises.id, opts.excludeId) : undefined,
      ),
    )
    .limit(opts.limit ?? 1000);
}
