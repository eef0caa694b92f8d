import "server-only";
import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, followUps, projects, stageChanges, users, visits } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { selectFollowUps } from "@/lib/follow-ups/queries";
import { visibleFollowUps } from "@/lib/follow-ups/records";
import { visibleProjects } from "@/lib/projects/visibility";
import { shanghaiDaySql } from "@/lib/sql";
import { shanghaiDay } from "@/lib/time";

export const STALLED_DAYS = { default: 60, min: 7, max: 365 } as const;
export const SIGNED_MONTHS = { default: 12, min: 1, max: 60 } as const;
const LIMIT = 200;

/** A whole number from the URL, clamped into range; anything unreadable gives the default. */
export function clampParam(raw: string | string[] | undefined, range: { default: number; min: number; max: number }): number {
  const n = Number.parseInt(Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? ""), 10);
  if (!Number.isFinite(n)) return range.default;
  return Math.min(range.max, Math.max(range.min, n));
}

/**
 * Open follow-ups due before today (Asia/Shanghai). Admins see all; everyone else sees what is
 * assigned to them or belongs to their team, so a manager's list is the team's and a staff
 * member also sees the colleagues' misses they could pick up.
 */
export async function listOverdueFollowUps(db: Db, viewer: Viewer, today = shanghaiDay()) {
  const whose =
    viewer.role === "admin"
      ? sql`true`
      : viewer.teamId
        ? or(eq(followUps.assigneeId, viewer.id), eq(followUps.teamId, viewer.teamId))!
        : eq(followUps.assigneeId, viewer.id);
  return selectFollowUps(db, and(visibleFollowUps(viewer), whose, eq(followUps.status, "open"), lt(followUps.dueOn, today))!)
    .orderBy(asc(followUps.dueOn), asc(followUps.createdAt))
    .limit(LIMIT);
}

const projectColumns = {
  id: projects.id,
  name: projects.name,
  stage: projects.stage,
  status: projects.status,
  teamId: projects.teamId,
  ownerName: users.name,
  enterpriseId: projects.enterpriseId,
  enterpriseNameZh: enterprises.nameZh,
  enterpriseNameEn: enterprises.nameEn,
};

/**
 * Active or delayed projects, not lost and not yet in production, whose latest sign of life —
 * a visit to the enterprise, a follow-up about the project created or completed, an applied
 * stage change, or the project's creation — is more than `days` days old.
 */
export async function listStalledProjects(db: Db, viewer: Viewer, days: number) {
  const lastActivity = sql<Date>`greatest(
    ${projects.createdAt},
    (select max(${stageChanges.changedAt}) from ${stageChanges} where ${stageChanges.projectId} = ${projects.id} and ${stageChanges.state} = 'applied' and ${stageChanges.deletedAt} is null),
    (select max(${visits.occurredAt}) from ${visits} where ${visits.enterpriseId} = ${projects.enterpriseId} and ${visits.deletedAt} is null),
    (select max(greatest(${followUps.createdAt}, ${followUps.completedAt})) from ${followUps} where ${followUps.projectId} = ${projects.id} and ${followUps.deletedAt} is null)
  )`;
  const rows = await db
    .select({ ...projectColumns, lastActivity: sql<string>`(${lastActivity})::text` })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(
      and(
        visibleProjects(viewer),
        isNull(enterprises.deletedAt),
        inArray(projects.status, ["active", "delayed"]),
        ne(projects.stage, "production"),
        sql`${lastActivity} < now() - make_interval(days => ${days}::int)`,
      ),
    )
    .orderBy(asc(lastActivity))
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, lastActivity: new Date(r.lastActivity) }));
}

/**
 * Projects that reached 签约 but not 开工 (signed, registered or land), not lost, whose signing
 * day is more than the agreed months ago. The project's own agreedStartMonths wins when set —
 * it is the term in the contract; `months` applies to projects without one. The signing day is
 * signedOn, or else the day of the applied change into "signed".
 */
export async function listSignedNotStarted(db: Db, viewer: Viewer, months: number, today = shanghaiDay()) {
  const signedDay = sql<string>`coalesce(${projects.signedOn}, (
    select max(${shanghaiDaySql(stageChanges.changedAt)}) from ${stageChanges}
    where ${stageChanges.projectId} = ${projects.id} and ${stageChanges.toStage} = 'signed' and ${stageChanges.state} = 'applied' and ${stageChanges.deletedAt} is null
  ))`;
  const term = sql<number>`coalesce(${projects.agreedStartMonths}, ${months}::int)`;
  const deadline = sql<string>`(${signedDay} + make_interval(months => ${term}))::date`;
  return db
    .select({
      ...projectColumns,
      signedOn: sql<string>`(${signedDay})::text`,
      termMonths: sql<number>`${term}`.mapWith(Number),
      deadline: sql<string>`(${deadline})::text`,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(
      and(
        visibleProjects(viewer),
        isNull(enterprises.deletedAt),
        inArray(projects.stage, ["signed", "registered", "land"]),
        ne(projects.status, "lost"),
        sql`${deadline} < ${today}::date`,
      ),
    )
    .orderBy(asc(deadline))
    .limit(LIMIT);
}

export type OverdueFollowUp = Awaited<ReturnType<typeof listOverdueFollowUps>>[number];
export type StalledProject = Awaited<ReturnType<typeof listStalledProjects>>[number];
export type SignedNotStarted = Awaited<ReturnType<typeof listSignedNotStarted>>[number];
