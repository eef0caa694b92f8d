import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { type Enterprise, enterprises, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { type Cursor, encodeCursor } from "@/lib/paging";

export const PAGE_SIZE = 50;

export interface EnterpriseRow {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  country: string;
  city: string | null;
  ownership: Enterprise["ownership"];
  ownerName: string | null;
  createdAt: Date;
}

/**
 * Enterprises are readable by every signed-in member of the organisation; soft-deleted and
 * merged-away records are not. `_viewer` is required so no caller can read without one.
 */
export async function listEnterprises(
  db: Db,
  _viewer: Viewer,
  opts: { after?: Cursor | null; limit?: number } = {},
): Promise<{ rows: EnterpriseRow[]; next: string | null }> {
  const limit = Math.min(opts.limit ?? PAGE_SIZE, 200);
  const owner = alias(users, "owner");
  const after = opts.after;
  const rows = await db
    .select({
      id: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      creditCode: enterprises.creditCode,
      country: enterprises.country,
      city: enterprises.city,
      ownership: enterprises.ownership,
      ownerName: owner.name,
      createdAt: enterprises.createdAt,
      cursorAt: sql<string>`${enterprises.createdAt}::text`,
    })
    .from(enterprises)
    .leftJoin(owner, eq(owner.id, enterprises.ownerId))
    .where(
      and(
        isNull(enterprises.deletedAt),
        after
          ? sql`(${enterprises.createdAt}, ${enterprises.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(enterprises.createdAt), desc(enterprises.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorAt: _c, ...row }) => row),
    next: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

export async function getEnterprise(db: Db, _viewer: Viewer, id: string) {
  const owner = alias(users, "owner");
  const [row] = await db
    .select({
      enterprise: enterprises,
      ownerName: owner.name,
      teamNameZh: teams.nameZh,
      teamNameEn: teams.nameEn,
    })
    .from(enterprises)
    .leftJoin(owner, eq(owner.id, enterprises.ownerId))
    .leftJoin(teams, eq(teams.id, enterprises.teamId))
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)));
  return row ?? null;
}

/** Live enterprise holding this credit code, if any (the unique index also holds deleted ones). */
export async function findByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id, deletedAt: enterprises.deletedAt })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode));
  return row ?? null;
}
