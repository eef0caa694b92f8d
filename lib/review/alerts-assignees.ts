import "server-only";
import { and, asc, isNotNull, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { listTeamMembers } from "@/lib/projects/form-options";

/**
 * Whom the caller may give an alert to: a manager's own team; an admin, any active person
 * with a team (the follow-up then belongs to that person's team). Others assign nobody.
 */
export async function listAlertAssignees(db: Db, viewer: Viewer) {
  if (viewer.role === "manager") return listTeamMembers(db, viewer.teamId);
  if (viewer.role !== "admin") return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(isNull(users.deactivatedAt), isNull(users.deletedAt), ne(users.role, "viewer"), isNotNull(users.teamId)))
    .orderBy(asc(users.name));
}
