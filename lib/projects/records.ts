import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Project, projects, type Stage, stageChanges, users } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { visibleProjects } from "./visibility";

/**
 * Loads a project for writing, locked until the transaction ends. Not visible → NotFound (its
 * existence stays hidden); visible but not editable → Forbidden, unless `mayWrite` says otherwise.
 */
export async function lockProject(tx: Tx, viewer: Viewer, id: string, mayWrite: (p: Project) => boolean = (p) => canEdit(viewer, p)) {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), visibleProjects(viewer)))
    .for("update");
  if (!row) throw new NotFoundError();
  if (!mayWrite(row)) throw new ForbiddenError();
  return row;
}

/** What a refused board move needs to show the truth: the stage, status and version as saved. */
export interface ProjectState {
  id: string;
  stage: Stage;
  status: Project["status"];
  version: number;
  pendingTo: Stage | null;
}

export async function projectState(tx: Tx, project: Project): Promise<ProjectState> {
  const [pending] = await tx
    .select({ toStage: stageChanges.toStage })
    .from(stageChanges)
    .where(and(eq(stageChanges.projectId, project.id), eq(stageChanges.state, "pending"), isNull(stageChanges.deletedAt)));
  return { id: project.id, stage: project.stage, status: project.status, version: project.version, pendingTo: pending?.toStage ?? null };
}

/**
 * A request made for another starting stage is moot once the project moves: it is closed as
 * rejected without a verifier, which the history shows as withdrawn.
 */
export async function closePendingRequests(tx: Tx, projectId: string) {
  return tx
    .update(stageChanges)
    .set({ state: "rejected", updatedAt: new Date() , version: sql`${stageChanges.version} + 1` })
    .where(and(eq(stageChanges.projectId, projectId), eq(stageChanges.state, "pending")))
    .returning();
}

/**
 * Owner and team of a project the caller saves: non-admins keep it in their own team and give it
 * to a member of that team; admins may choose any team and one of its members.
 */
export async function checkAssignment(tx: Tx, viewer: Viewer, input: { ownerId?: string; teamId?: string }) {
  const teamId = viewer.role === "admin" ? (input.teamId ?? viewer.teamId) : viewer.teamId;
  if (viewer.role !== "admin" && input.teamId && input.teamId !== viewer.teamId) throw new FieldError("teamId", "projectRules.notYourTeam");
  const ownerId = input.ownerId ?? viewer.id;
  if (ownerId !== viewer.id || viewer.role === "admin") {
    const [owner] = await tx
      .select({ teamId: users.teamId })
      .from(users)
      .where(and(eq(users.id, ownerId), isNull(users.deactivatedAt), isNull(users.deletedAt)));
    if (!owner || (teamId !== null && owner.teamId !== teamId && ownerId !== viewer.id)) {
      throw new FieldError("ownerId", "projectRules.ownerNotInTeam");
    }
  }
  return { ownerId, teamId: teamId ?? null };
}
