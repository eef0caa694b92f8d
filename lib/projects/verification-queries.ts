import "server-only";
import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { enterprises, projects, stageChanges, users } from "@/db/schema";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { VERIFY_ROLE } from "@/lib/access";
import { visibleProjects } from "./visibility";

/** How many requests the queue page lists at once, oldest first; the count covers them all. */
export const QUEUE_PAGE_SIZE = 50;

/** Whether the caller may decide any request at all: the role gate of project.decideStageRequest. */
export const mayDecideRequests = (viewer: Viewer) => atLeast(viewer.role, VERIFY_ROLE);

/**
 * The requests `viewer` may decide, as project.decideStageRequest decides them
 * (lib/projects/actions/decide-stage-request.ts): a pending, undeleted request of a project the
 * viewer sees (visibleProjects) and verifies (canVerify in lib/projects/stages.ts: admins, and
 * managers of the project's team), made from the stage the project is still at (any other is
 * answered with a conflict). `'pending'` is written as a literal so the partial index
 * stage_changes_pending_idx answers it under a prepared statement's generic plan too.
 */
function decidable(viewer: Viewer): SQL {
  const verifies = viewer.role === "admin" ? undefined : viewer.role === "manager" && viewer.teamId ? eq(projects.teamId, viewer.teamId) : sql`false`;
  return and(
    sql`${stageChanges.state} = 'pending'`,
    isNull(stageChanges.deletedAt),
    eq(projects.stage, stageChanges.fromStage),
    visibleProjects(viewer),
    verifies,
  )!;
}

/** How many requests await the caller's decision: the navigation's badge. No statement for those who decide none. */
export async function countVerificationQueue(db: Db, viewer: Viewer): Promise<number> {
  if (!mayDecideRequests(viewer)) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(stageChanges)
    .innerJoin(projects, eq(projects.id, stageChanges.projectId))
    .where(decidable(viewer));
  return row?.n ?? 0;
}

/**
 * The requests awaiting the caller's decision, oldest first (the first QUEUE_PAGE_SIZE), with what
 * the queue shows of each: the project and its enterprise, the move asked for, who asked and
 * when, why, the signing and the evidence file the request already holds, and what the decision
 * form needs (the project's stage, currency and whether it has signed).
 */
export async function listVerificationQueue(db: Db, viewer: Viewer) {
  if (!mayDecideRequests(viewer)) return [];
  const requester = alias(users, "requester");
  return db
    .select({
      id: stageChanges.id,
      projectId: projects.id,
      projectName: projects.name,
      projectStage: projects.stage,
      projectSigned: sql<boolean>`${projects.signedOn} is not null`,
      projectCurrency: projects.currency,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      fromStage: projects.stage,
      toStage: stageChanges.toStage,
      reason: stageChanges.reason,
      requestedAt: stageChanges.changedAt,
      /** Whole days since the request was made. */
      waitingDays: sql<number>`greatest(0, floor(extract(epoch from (now() - ${stageChanges.changedAt})) / 86400))::int`,
      requesterName: requester.name,
      signedOn: stageChanges.signedOn,
      signedAmount: stageChanges.signedAmount,
      signedCurrency: stageChanges.signedCurrency,
      evidenceName: stageChanges.evidenceName,
    })
    .from(stageChanges)
    .innerJoin(projects, eq(projects.id, stageChanges.projectId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(requester, eq(requester.id, stageChanges.changedBy))
    .where(decidable(viewer))
    .orderBy(asc(stageChanges.changedAt), asc(stageChanges.id))
    .limit(QUEUE_PAGE_SIZE);
}
export type QueuedRequest = Awaited<ReturnType<typeof listVerificationQueue>>[number];
