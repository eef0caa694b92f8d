import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { projects, projectTotals, reviewFacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** The columns the visibility rule reads: the same on a project and on a row of project_totals. */
interface Guarded {
  confidential: AnyPgColumn;
  ownerId: AnyPgColumn;
  teamId: AnyPgColumn;
}

/**
 * The rule itself, over the three columns it depends on. Confidential projects: the owner,
 * managers of the project's team, admins. Everything else of the organisation: every signed-in
 * user. Undefined when the caller sees everything.
 */
function mayRead(viewer: Viewer, t: Guarded): SQL | undefined {
  if (viewer.role === "admin") return undefined;
  const managedTeam = viewer.role === "manager" && viewer.teamId ? eq(t.teamId, viewer.teamId) : sql`false`;
  return or(eq(t.confidential, false), eq(t.ownerId, viewer.id), managedTeam);
}

/**
 * Which projects the caller may see at all. Use it in every query that reads, counts or sums projects.
 */
export function visibleProjects(viewer: Viewer): SQL {
  return and(isNull(projects.deletedAt), mayRead(viewer, projects))!;
}

/**
 * The same rule over the board's totals: a row of project_totals is one value of (team, owner,
 * confidential, …), so it is visible exactly when every project it counts is. Deleted projects
 * are not in the totals at all.
 */
export function visibleTotals(viewer: Viewer): SQL {
  return mayRead(viewer, projectTotals) ?? sql`true`;
}

/** The same rule over the review's facts, each of which carries its project's team, owner and confidentiality. */
export function visibleFacts(viewer: Viewer): SQL {
  return mayRead(viewer, reviewFacts) ?? sql`true`;
}
