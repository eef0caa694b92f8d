import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { targets, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The teams whose target for `year` the caller may set, each with the target if there is one:
 * a manager's own team, every live team for admins, nothing for anyone else.
 */
export async function listEditableTargets(db: Db, viewer: Viewer, year: number) {
  if (viewer.role !== "admin" && (viewer.role !== "manager" || !viewer.teamId)) return [];
  const rows = await db
    .select({
      teamId: teams.id,
      teamNameZh: teams.nameZh,
      teamNameEn: teams.nameEn,
      targetId: targets.id,
      version: targets.version,
      signedAmount: targets.signedAmount,
      fundsInPlace: targets.fundsInPlace,
      projectsSigned: targets.projectsSigned,
      projectsStarted: targets.projectsStarted,
    })
    .from(teams)
    .leftJoin(targets, and(eq(targets.teamId, teams.id), eq(targets.year, year), isNull(targets.deletedAt)))
    .where(and(isNull(teams.deletedAt), viewer.role === "admin" ? undefined : eq(teams.id, viewer.teamId!)))
    .orderBy(asc(teams.code));
  return rows;
}

export type EditableTarget = Awaited<ReturnType<typeof listEditableTargets>>[number];
