import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { enterprises, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { type Cursor, encodeCursor } from "@/lib/paging";
import { manageableScope } from "./queries";

export const DELETED_PAGE_SIZE = 50;

export interface DeletedEnterpriseRow {
  id: string;
  version: number;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  deletedAt: Date;
  /** The last person to write the row, which for a deleted record is whoever deleted or merged it. */
  deletedByName: string | null;
  mergedInto: { id: string; nameZh: string | null; nameEn: string | null; live: boolean } | null;
}

/**
 * Deleted and merged-away enterprises the caller may restore (managers their team's, admins
 * all; nobody else), most recently deleted first, paged by keyset.
 */
export async function listDeletedEnterprises(
  db: Db,
  viewer: Viewer,
  opts: { after?: Cursor | null; limit?: number } = {},
): Promise<{ rows: DeletedEnterpriseRow[]; next: string | null }> {
  const limit = Math.min(opts.limit ?? DELETED_PAGE_SIZE, 200);
  const by = alias(users, "deleted_by");
  const into = alias(enterprises, "merged_into");
  const after = opts.after;
  const rows = await db
    .select({
      id: enterprises.id,
      version: enterprises.version,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      creditCode: enterprises.creditCode,
      deletedAt: enterprises.deletedAt,
      deletedByName: by.name,
      intoId: into.id,
      intoNameZh: into.nameZh,
      intoNameEn: into.nameEn,
      intoDeletedAt: into.deletedAt,
      cursorAt: sql<string>`${enterprises.deletedAt}::text`,
    })
    .from(enterprises)
    .leftJoin(by, eq(by.id, enterprises.updatedBy))
    .leftJoin(into, eq(into.id, enterprises.mergedIntoId))
    .where(
      and(
        isNotNull(enterprises.deletedAt),
        manageableScope(viewer),
        after ? sql`(${enterprises.deletedAt}, ${enterprises.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(enterprises.deletedAt), desc(enterprises.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      version: r.version,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      creditCode: r.creditCode,
      deletedAt: r.deletedAt!,
      deletedByName: r.deletedByName,
      mergedInto: r.intoId ? { id: r.intoId, nameZh: r.intoNameZh, nameEn: r.intoNameEn, live: r.intoDeletedAt === null } : null,
    })),
    next: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
