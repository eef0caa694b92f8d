import "server-only";
import { and, asc, count, desc, eq, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { followUps, notifications, projects, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleFollowUps } from "@/lib/follow-ups/records";
import { visibleProjects } from "@/lib/projects/visibility";
import { shanghaiDay } from "@/lib/time";
import type { NotificationKind, NotificationRecordType } from "./kinds";

/** How many items the inbox lists, newest first. */
export const INBOX_PAGE_SIZE = 50;

/**
 * An item is shown only while its record is one the viewer may see: a project made confidential,
 * or a follow-up about such a project, drops out of the inbox of those who may no longer see it.
 */
function readable(viewer: Viewer): SQL {
  return sql`(
    (${notifications.recordType} = 'follow_up' and exists (select 1 from ${followUps} where ${followUps.id} = ${notifications.recordId} and ${visibleFollowUps(viewer)}))
    or (${notifications.recordType} = 'project' and exists (select 1 from ${projects} where ${projects.id} = ${notifications.recordId} and ${visibleProjects(viewer)}))
  )`;
}

/** The header's badge: the viewer's unread items, from notifications_inbox_idx. */
export async function countUnread(db: Db, viewer: Viewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt), readable(viewer)));
  return row?.n ?? 0;
}

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  href: string;
  title: string;
  actorName: string | null;
  createdAt: Date;
  unread: boolean;
}

/** Where an item opens: the project's page, or the follow-ups of the project or enterprise it is about. */
function hrefOf(recordType: NotificationRecordType, recordId: string, f: { enterpriseId: string | null; projectId: string | null }): string {
  if (recordType === "project") return `/projects/${recordId}`;
  return f.projectId ? `/projects/${f.projectId}#follow-ups` : `/enterprises/${f.enterpriseId}#follow-ups`;
}

/** The viewer's newest items (INBOX_PAGE_SIZE), with what each line shows. */
export async function listInbox(db: Db, viewer: Viewer): Promise<InboxItem[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      recordType: notifications.recordType,
      recordId: notifications.recordId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: users.name,
      followUpTitle: followUps.title,
      enterpriseId: followUps.enterpriseId,
      followUpProjectId: followUps.projectId,
      projectName: projects.name,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(followUps, and(sql`${notifications.recordType} = 'follow_up'`, eq(followUps.id, notifications.recordId)))
    .leftJoin(projects, and(sql`${notifications.recordType} = 'project'`, eq(projects.id, notifications.recordId)))
    .where(and(eq(notifications.recipientId, viewer.id), readable(viewer)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    href: hrefOf(r.recordType as NotificationRecordType, r.recordId, { enterpriseId: r.enterpriseId, projectId: r.followUpProjectId }),
    title: r.followUpTitle ?? r.projectName ?? "",
    actorName: r.actorName,
    createdAt: r.createdAt,
    unread: r.readAt === null,
  }));
}

/**
 * The viewer's open follow-ups due today or earlier, computed when read (so the list is right on
 * any day without a job having run): the inbox shows them above the items.
 */
export async function listDueFollowUps(db: Db, viewer: Viewer) {
  const rows = await db
    .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, enterpriseId: followUps.enterpriseId, projectId: followUps.projectId })
    .from(followUps)
    .where(and(eq(followUps.assigneeId, viewer.id), eq(followUps.status, "open"), lte(followUps.dueOn, shanghaiDay()), visibleFollowUps(viewer)))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(INBOX_PAGE_SIZE);
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: r.dueOn, href: hrefOf("follow_up", r.id, r) }));
}

/** Whether the viewer gets the morning digest by e-mail. */
export async function getsDigest(db: Db, viewer: Viewer): Promise<boolean> {
  const [row] = await db.select({ optOut: users.digestOptOut }).from(users).where(eq(users.id, viewer.id));
  return !row?.optOut;
}
