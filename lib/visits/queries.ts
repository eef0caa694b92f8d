import "server-only";
import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { contacts, delegations, enterprises, events, followUps, users, visitAttendees, visits } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleFollowUps } from "@/lib/follow-ups/records";
import { decodeCursor, encodeCursor } from "@/lib/paging";

// Visits carry no confidential flag: every signed-in user reads them (DOMAIN.md, Visibility).

export const VISIT_SCOPES = ["mine", "team", "all"] as const;
export type VisitScope = (typeof VISIT_SCOPES)[number];
export const VISITS_PAGE_SIZE = 20;

export function parseVisitScope(raw: unknown): VisitScope {
  return VISIT_SCOPES.includes(raw as VisitScope) ? (raw as VisitScope) : "mine";
}

function scopeWhere(viewer: Viewer, scope: VisitScope): SQL | undefined {
  if (scope === "team") return viewer.teamId ? eq(visits.teamId, viewer.teamId) : eq(visits.ownerId, viewer.id);
  if (scope === "all") return undefined;
  // Mine: logged by me or attended by me.
  return or(
    eq(visits.ownerId, viewer.id),
    sql`exists (select 1 from ${visitAttendees} where ${visitAttendees.visitId} = ${visits.id} and ${visitAttendees.userId} = ${viewer.id} and ${visitAttendees.deletedAt} is null)`,
  );
}

/** Recent visits, newest first, keyset-paged on (occurredAt, id). */
export async function listVisits(db: Db, viewer: Viewer, opts: { scope: VisitScope; after?: string | null; limit?: number }) {
  const limit = Math.min(Math.max(opts.limit ?? VISITS_PAGE_SIZE, 1), 100);
  const after = decodeCursor(opts.after);
  const owner = alias(users, "owner");
  const rows = await db
    .select({
      id: visits.id,
      occurredAt: visits.occurredAt,
      place: visits.place,
      summary: visits.summary,
      outcome: visits.outcome,
      enterpriseId: visits.enterpriseId,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      ownerName: owner.name,
      cursorAt: sql<string>`${visits.occurredAt}::text`,
    })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .leftJoin(owner, eq(owner.id, visits.ownerId))
    .where(
      and(
        isNull(visits.deletedAt),
        scopeWhere(viewer, opts.scope),
        after ? sql`(${visits.occurredAt}, ${visits.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(visits.occurredAt), desc(visits.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _c, ...r }) => r),
    next: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

/** One visit with who attended and the follow-ups it created; null when missing or deleted. */
export async function getVisit(db: Db, viewer: Viewer, id: string) {
  const owner = alias(users, "owner");
  const [visit] = await db
    .select({
      visit: visits,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      ownerName: owner.name,
      delegationName: delegations.name,
      eventNameZh: events.nameZh,
      eventNameEn: events.nameEn,
    })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .leftJoin(owner, eq(owner.id, visits.ownerId))
    .leftJoin(delegations, eq(delegations.id, visits.delegationId))
    .leftJoin(events, eq(events.id, visits.eventId))
    .where(and(eq(visits.id, id), isNull(visits.deletedAt)));
  if (!visit) return null;
  const assignee = alias(users, "assignee");
  const [attendees, steps] = await Promise.all([
    db
      .select({
        id: visitAttendees.id,
        side: visitAttendees.side,
        userId: visitAttendees.userId,
        contactId: visitAttendees.contactId,
        name: sql<string | null>`coalesce(${users.name}, ${contacts.name}, ${visitAttendees.name})`,
        title: contacts.title,
      })
      .from(visitAttendees)
      .leftJoin(users, eq(users.id, visitAttendees.userId))
      .leftJoin(contacts, eq(contacts.id, visitAttendees.contactId))
      .where(and(eq(visitAttendees.visitId, id), isNull(visitAttendees.deletedAt)))
      .orderBy(asc(visitAttendees.createdAt), asc(visitAttendees.id)),
    db
      .select({
        id: followUps.id,
        kind: followUps.kind,
        title: followUps.title,
        dueOn: followUps.dueOn,
        status: followUps.status,
        assigneeName: assignee.name,
      })
      .from(followUps)
      .leftJoin(assignee, eq(assignee.id, followUps.assigneeId))
      .where(and(eq(followUps.visitId, id), visibleFollowUps(viewer)))
      .orderBy(asc(followUps.dueOn), asc(followUps.createdAt)),
  ]);
  return { ...visit, attendees, followUps: steps, canEdit: canEdit(viewer, visit.visit) };
}
export type VisitDetail = NonNullable<Awaited<ReturnType<typeof getVisit>>>;

/** Contacts of an enterprise for the "their side" checkboxes. */
export async function listEnterpriseContacts(db: Db, enterpriseId: string) {
  return db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title })
    .from(contacts)
    .innerJoin(enterprises, eq(enterprises.id, contacts.enterpriseId))
    .where(and(eq(contacts.enterpriseId, enterpriseId), isNull(contacts.deletedAt), isNull(enterprises.deletedAt)))
    .orderBy(asc(contacts.name))
    .limit(200);
}
export type ContactChoice = Awaited<ReturnType<typeof listEnterpriseContacts>>[number];
