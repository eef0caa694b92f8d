import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { projects, stageChanges } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleProjects } from "./visibility";

/** The evidence kept with a stage change, if the caller may see the project. */
export async function getEvidence(db: Db, viewer: Viewer, stageChangeId: string) {
  const [row] = await db
    .select({ path: stageChanges.evidencePath, type: stageChanges.evidenceType })
    .from(stageChanges)
    .innerJoin(projects, eq(projects.id, stageChanges.projectId))
    .where(and(eq(stageChanges.id, stageChangeId), isNull(stageChanges.deletedAt), isNotNull(stageChanges.evidencePath), visibleProjects(viewer)));
  if (!row?.path) return null;
  return { path: row.path, type: row.type ?? "application/octet-stream" };
}
