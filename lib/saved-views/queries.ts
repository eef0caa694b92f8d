import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "@/db";
import { savedViews, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

export interface SavedView {
  id: string;
  name: string;
  query: string;
  mine: boolean;
  ownerName: string | null;
  shared: boolean;
}

/** The caller's own views for a screen, and those a manager shared with the caller's team. */
export async function listSavedViews(db: Db, viewer: Viewer, screen: string): Promise<SavedView[]> {
  const rows = await db
    .select({
      id: savedViews.id,
      name: savedViews.name,
      query: savedViews.query,
      userId: savedViews.userId,
      sharedWithTeamId: savedViews.sharedWithTeamId,
      ownerName: users.name,
    })
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.userId))
    .where(
      and(
        eq(savedViews.screen, screen),
        isNull(savedViews.deletedAt),
        or(eq(savedViews.userId, viewer.id), viewer.teamId ? eq(savedViews.sharedWithTeamId, viewer.teamId) : undefined),
      ),
    )
    .orderBy(asc(savedViews.name))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    query: r.query,
    mine: r.userId === viewer.id,
    ownerName: r.ownerName,
    shared: r.sharedWithTeamId !== null,
  }));
}
