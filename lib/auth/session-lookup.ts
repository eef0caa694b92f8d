import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { sessions, users } from "@/db/schema";
import type { SessionPolicy } from "./session-policy";
import type { Viewer } from "./viewer";

// The caller's calendar-feed token, read with the session for the account menu. It is not a
// field of Viewer: pages hand the viewer to components, and the token must never reach a browser
// that is not its owner's menu.
const feedTokens = new WeakMap<Viewer, string | null>();

/** After the caller turned the feed on, off or to a new address: what this request re-renders shows it. */
export function feedTokenChanged(viewer: Viewer, token: string | null) {
  if (feedTokens.has(viewer)) feedTokens.set(viewer, token);
}

/** The feed token read with this viewer's session, or undefined for a viewer from elsewhere. */
export function feedTokenReadWith(viewer: Viewer): string | null | undefined {
  return feedTokens.get(viewer);
}

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
      icsToken: users.icsToken,
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
  const viewer: Viewer = { id: row.id, name: row.name ?? row.email, email: row.email, role: row.role, teamId: row.teamId, locale: row.locale };
  feedTokens.set(viewer, row.icsToken);
  return viewer;
}
