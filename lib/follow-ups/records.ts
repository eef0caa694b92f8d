import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { type followUps as FollowUpsTable, followUps, projects, users } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError, FieldError, NotFoundError, ForbiddenError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/visibility";

type FollowUp = typeof FollowUpsTable.$inferSelect;

/** A follow-up about a project the caller cannot see is as invisible as the project. */
export function visibleFollowUps(viewer: Viewer) {
  return and(
    isNull(followUps.deletedAt),
    sql`(${followUps.projectId} is null or exists (select 1 from ${projects} where ${projects.id} = ${followUps.projectId} and ${visibleProjects(viewer)}))`,
  )!;
}

/** The assignee, their team (staff), the team's managers and admins change a follow-up. */
export const canEditFollowUp = (viewer: Viewer, f: Pick<FollowUp, "assigneeId" | "teamId">) => canEdit(viewer, { ownerId: f.assigneeId, teamId: f.teamId });

/**
 * Loads an open follow-up for a change over the version the caller saw. An edit form passes
 * `formValues`: a stale version of a follow-up still open then answers with the other person's
 * values of that form's fields, for the form to show beside the typed ones (a closed one cannot
 * be saved over, so it gets the bare conflict).
 */
export async function lockFollowUp<V>(tx: Tx, viewer: Viewer, id: string, version: number, formValues?: (row: FollowUp) => V): Promise<FollowUp> {
  const [row] = await tx.select().from(followUps).where(and(eq(followUps.id, id), visibleFollowUps(viewer))).for("update");
  if (!row) throw new NotFoundError();
  if (!canEditFollowUp(viewer, row)) throw new ForbiddenError();
  if (row.version !== version && formValues && row.status === "open") throw new ConflictError(await savedVersion(tx, row, formValues(row)));
  if (row.version !== version) throw new ConflictError({ id: row.id, version: row.version, status: row.status, dueOn: row.dueOn, assigneeId: row.assigneeId });
  if (row.status !== "open") throw new FieldError("id", "followUpRules.notOpen");
  return row;
}

/**
 * Assignees come from the follow-up's team; the caller may always take it themselves. A refusal
 * is reported on `field`.
 */
export async function checkAssignee(tx: Tx, viewer: Viewer, assigneeId: string, teamId: string | null, field = "assigneeId") {
  if (assigneeId === viewer.id && viewer.role !== "admin") return;
  const [person] = await tx
    .select({ teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, assigneeId), isNull(users.deactivatedAt), isNull(users.deletedAt)));
  const sameTeam = person && teamId !== null && person.teamId === teamId;
  if (!person || (!sameTeam && !(viewer.role === "admin" && teamId === null))) throw new FieldError(field, "followUpRules.assigneeNotInTeam");
}
