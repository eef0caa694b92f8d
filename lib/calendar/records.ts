import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** The caller's own calendar-feed token, locked: two changes to the feed queue, each sees the other's result. */
export async function lockFeedToken(tx: Tx, viewer: Viewer) {
  const [row] = await tx.select({ icsToken: users.icsToken }).from(users).where(eq(users.id, viewer.id)).for("update");
  return row;
}
