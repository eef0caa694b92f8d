import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { evidenceFiles, projects, stageChanges } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleProjects } from "./visibility";

/** The evidence file kept with a stage change, if the caller may see the project. */
export async function getEvidence(db: Db, viewer: Viewer, stageChangeId: string) {
  const [row] = await db
    .select({ type: evidenceFiles.contentType, bytes: evidenceFiles.content })
    .from(stageChanges)
    .innerJoin(projects, eq(projects.id, stageChanges.projectId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.stageChangeId, stageChanges.id))
    .where(and(eq(stageChanges.id, stageChangeId), isNull(stageChanges.deletedAt), visibleProjects(viewer)));
  return row ?? null;
}
