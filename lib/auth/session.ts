import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { auth } from "./config";
import type { Viewer } from "./viewer";

/**
 * The caller of this request, or null. Reads the user row on every request so a role
 * change or a deactivation takes effect at once, not when the session expires.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row || row.deactivatedAt || row.deletedAt) return null;
  return { id: row.id, name: row.name ?? row.email, email: row.email, role: row.role, teamId: row.teamId, locale: row.locale };
});

/** For pages: the caller, or a redirect to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
