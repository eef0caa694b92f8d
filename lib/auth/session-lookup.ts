import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { sessions, users } from "@/db/schema";
import type { SessionPolicy } from "./session-policy";
import type { Viewer } from "./viewer";

/**
 * The person holding this session token, or null. The session row is the authority: a session
 * past its idle end or older than the absolute limit is deleted here and counts as signed out;
 * a deactivated or deleted person is signed out whatever their sessions say. The idle end moves
 * forward with use, at most once per `updateAgeSeconds`.
 */
export async function viewerForSession(db: Db, token: string | undefined, policy: SessionPolicy, now = new Date()): Promise<Viewer | null> {
  if (!token) return null;
  const [row] = await db
    .select({
      expires: sessions.expires,
      createdAt: sessions.createdAt,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      deletedAt: users.deletedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, token));
  if (!row) return null;

  const nowMs = now.getTime();
  const idleEnded = row.expires.getTime() <= nowMs;
  const tooOld = row.createdAt.getTime() + policy.absoluteSeconds * 1000 <= nowMs;
  if (idleEnded || tooOld) {
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    return null;
  }
  if (row.deactivatedAt || row.deletedAt) return null;

  // Slide the idle end (the absolute limit is checked above, from createdAt).
  const lastMoved = row.expires.getTime() - policy.idleSeconds * 1000;
  if (nowMs - lastMoved >= policy.updateAgeSeconds * 1000) {
    await db.update(sessions).set({ expires: new Date(nowMs + policy.idleSeconds * 1000) }).where(eq(sessions.sessionToken, token));
  }
  return { id: row.id, name: row.name ?? row.email, email: row.email, role: row.role, teamId: row.teamId, locale: row.locale };
}
