import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { projects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * Which projects the caller may see at all. Confidential projects: the owner, managers of the
 * project's team, admins. Everything else of the organisation: every signed-in user.
 * Use it in every query that reads, counts or sums projects.
 */
export function visibleProjects(viewer: Viewer): SQL {
  const live = isNull(projects.deletedAt);
  if (viewer.role === "admin") return live;
  const own = eq(projects.ownerId, viewer.id);
  const managedTeam =
    viewer.role === "manager" && viewer.teamId ? eq(projects.teamId, viewer.teamId) : sql`false`;
  return and(live, or(eq(projects.confidential, false), own, managedTeam))!;
}
