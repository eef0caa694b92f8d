import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, followUps, users } from "@/db/schema";
import { feedTokenReadWith } from "@/lib/auth/session-lookup";
import type { Viewer } from "@/lib/auth/viewer";
import { listMyStops } from "@/lib/delegations/my-stops";
import { visibleFollowUps } from "@/lib/follow-ups/records";

/** Whose feed a token opens: an active user, or null for an unknown or revoked token. */
export async function viewerByFeedToken(db: Db, token: string): Promise<Viewer | null> {
  // Tokens are 43 base64url characters; anything else cannot match and is not worth a query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, locale: users.locale })
    .from(users)
    .where(and(eq(users.icsToken, token), isNull(users.deactivatedAt), isNull(users.deletedAt)));
  return row ? { ...row, name: row.name ?? row.email } : null;
}

/** The caller's own token, for the menu that shows the feed address. */
export async function getFeedToken(db: Db, viewer: Viewer): Promise<string | null> {
  // Read with the session in the same request: no second statement.
  const known = feedTokenReadWith(viewer);
  if (known !== undefined) return known;
  const [row] = await db.select({ token: users.icsToken }).from(users).where(eq(users.id, viewer.id));
  return row?.token ?? null;
}

/**
 * Stops of the delegations the person owns or travels with (not cancelled), from `since` on,
 * and their open follow-ups; follow-ups about projects they may not see stay out.
 */
export async function loadFeed(db: Db, viewer: Viewer, since: Date) {
  const [stops, tasks] = await Promise.all([
    listMyStops(db, viewer, { from: since, limit: 2000 }),
    db
      .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, enterpriseId: followUps.enterpriseId, enterpriseNameZh: enterprises.nameZh, enterpriseNameEn: enterprises.nameEn })
      .from(followUps)
      .innerJoin(enterprises, eq(enterprises.id, followUps.enterpriseId))
      .where(and(visibleFollowUps(viewer), eq(followUps.assigneeId, viewer.id), eq(followUps.status, "open")))
      .orderBy(asc(followUps.dueOn))
      .limit(2000),
  ]);
  return { stops, followUps: tasks };
}
