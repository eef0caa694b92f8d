import "server-only";
import { and, asc, desc, eq, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { enterprises, followUps, projects } from "@/db/schema";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, shanghaiDay } from "@/lib/time";
import { canEditFollowUp, visibleFollowUps } from "./records";

export type MyDayScope = "me" | "team";

/**
 * The one select of follow-up rows as lists show them: the task with its enterprise's names, its
 * project's name and its assignee's name. Callers add the order and the limit.
 */
export function selectFollowUps(db: Db, where: SQL) {
  const assignee = alias(users, "assignee");
  return db
    .select({
      id: followUps.id,
      version: followUps.version,
      kind: followUps.kind,
      title: followUps.title,
      dueOn: followUps.dueOn,
      status: followUps.status,
      outcome: followUps.outcome,
      assigneeId: followUps.assigneeId,
      assigneeName: assignee.name,
      teamId: followUps.teamId,
      enterpriseId: followUps.enterpriseId,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      projectId: followUps.projectId,
      projectName: projects.name,
      completedAt: followUps.completedAt,
    })
    .from(followUps)
    .innerJoin(enterprises, eq(enterprises.id, followUps.enterpriseId))
    .leftJoin(projects, eq(projects.id, followUps.projectId))
    .leftJoin(assignee, eq(assignee.id, followUps.assigneeId))
    .where(where);
}

export type FollowUpRow = Awaited<ReturnType<typeof selectFollowUps>>[number] & { canEdit: boolean };

const withRights = (viewer: Viewer, rows: Awaited<ReturnType<typeof selectFollowUps>>): FollowUpRow[] =>
  rows.map((r) => ({ ...r, canEdit: canEditFollowUp(viewer, r) }));

/**
 * Open follow-ups due up to the end of this week (Monday to Sunday, Asia/Shanghai), in three
 * groups. "team" is for managers: everything open in their team.
 */
export async function listMyDay(db: Db, viewer: Viewer, scope: MyDayScope, today = shanghaiDay()) {
  const whose = scope === "team" && viewer.teamId ? eq(followUps.teamId, viewer.teamId) : eq(followUps.assigneeId, viewer.id);
  const rows = withRights(
    viewer,
    await selectFollowUps(db, and(visibleFollowUps(viewer), whose, eq(followUps.status, "open"), lte(followUps.dueOn, addDays(today, 6)))!)
      .orderBy(asc(followUps.dueOn), asc(followUps.createdAt))
      .limit(500),
  );
  return {
    today,
    overdue: rows.filter((r) => r.dueOn < today),
    dueToday: rows.filter((r) => r.dueOn === today),
    thisWeek: rows.filter((r) => r.dueOn > today),
  };
}

/** A project's or an enterprise's follow-ups: open ones first by due day, then the latest closed. */
export async function listFollowUpsFor(db: Db, viewer: Viewer, about: { projectId: string } | { enterpriseId: string }) {
  const where = "projectId" in about ? eq(followUps.projectId, about.projectId) : eq(followUps.enterpriseId, about.enterpriseId);
  const [open, closed] = await Promise.all([
    selectFollowUps(db, and(visibleFollowUps(viewer), where, eq(followUps.status, "open"))!).orderBy(asc(followUps.dueOn)).limit(100),
    selectFollowUps(db, and(visibleFollowUps(viewer), where, eq(followUps.status, "done"))!).orderBy(desc(followUps.completedAt)).limit(10),
  ]);
  return { open: withRights(viewer, open), closed: withRights(viewer, closed) };
}
