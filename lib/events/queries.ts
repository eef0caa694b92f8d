import "server-only";
import { and, asc, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, eventParticipants, events, projects, users, visits } from "@/db/schema";
import { canCreate, canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/paging";
import { visibleProjects } from "@/lib/projects/visibility";
import type { EventFilters } from "./schema";
import { correlated, shanghaiDaySql } from "@/lib/sql";

export const EVENT_PAGE_SIZE = 30;
const LINKED_LIMIT = 500;

// Events, participants and visits are readable by every signed-in member of the organisation;
// only projects can be confidential, and those go through visibleProjects.

/** Newest first (by start date), keyset-paged, filtered by kind and year. */
export async function listEvents(db: Db, filters: EventFilters, limit = EVENT_PAGE_SIZE) {
  const after = decodeCursor(filters.after);
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      nameZh: events.nameZh,
      nameEn: events.nameEn,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      city: events.city,
      venue: events.venue,
      participants: correlated<number>(sql`(select count(*)::int from ${eventParticipants}
        where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.deletedAt} is null)`),
    })
    .from(events)
    .where(
      and(
        isNull(events.deletedAt),
        filters.kind ? eq(events.kind, filters.kind) : undefined,
        filters.year ? sql`${events.startsOn} between ${`${filters.year}-01-01`}::date and ${`${filters.year}-12-31`}::date` : undefined,
        after ? sql`(${events.startsOn}, ${events.id}) < (${after.at}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(events.startsOn), desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? encodeCursor({ at: last.startsOn, id: last.id }) : null };
}

/** One live event with what the caller may do to it, or null. */
export async function getEvent(db: Db, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ event: events, ownerName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.ownerId))
    .where(and(eq(events.id, id), isNull(events.deletedAt)));
  if (!row) return null;
  return { ...row, canEdit: canEdit(viewer, row.event), canAddParticipants: canCreate(viewer) };
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

export async function listEventParticipants(db: Db, viewer: Viewer, eventId: string, eventEditable: boolean) {
  const rows = await db
    .select({
      id: eventParticipants.id,
      role: eventParticipants.role,
      note: eventParticipants.note,
      createdBy: eventParticipants.createdBy,
      enterpriseId: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      country: enterprises.country,
      city: enterprises.city,
    })
    .from(eventParticipants)
    .innerJoin(enterprises, eq(enterprises.id, eventParticipants.enterpriseId))
    .where(and(eq(eventParticipants.eventId, eventId), isNull(eventParticipants.deletedAt), isNull(enterprises.deletedAt)))
    .orderBy(asc(eventParticipants.role), asc(enterprises.nameKey), asc(enterprises.id))
    .limit(LINKED_LIMIT);
  return rows.map(({ createdBy, ...r }) => ({ ...r, canChange: canCreate(viewer) && (eventEditable || createdBy === viewer.id) }));
}

/**
 * Visits during the event: those recorded against it (visits.event_id), and visits of its
 * participants on any day from start to end (Asia/Shanghai days), which staff often log
 * without linking the event.
 */
export async function listEventVisits(db: Db, event: { id: string; startsOn: string; endsOn: string }) {
  const day = shanghaiDaySql(visits.occurredAt);
  return db
    .select({
      id: visits.id,
      occurredAt: visits.occurredAt,
      place: visits.place,
      summary: visits.summary,
      linked: sql<boolean>`coalesce(${visits.eventId} = ${event.id}, false)`,
      enterpriseId: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
    })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .where(
      and(
        isNull(visits.deletedAt),
        or(
          eq(visits.eventId, event.id),
          and(
            sql`${day} between ${event.startsOn}::date and ${event.endsOn}::date`,
            sql`${visits.enterpriseId} in (select ${eventParticipants.enterpriseId} from ${eventParticipants}
              where ${eventParticipants.eventId} = ${event.id} and ${eventParticipants.deletedAt} is null)`,
          ),
        ),
      ),
    )
    .orderBy(asc(visits.occurredAt), asc(visits.id))
    .limit(LINKED_LIMIT);
}

/** Projects this event produced (signed on site or sourced here), as far as the caller may see. */
export async function listEventProjects(db: Db, viewer: Viewer, eventId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      status: projects.status,
      enterpriseId: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(eq(projects.sourceEventId, eventId), visibleProjects(viewer)))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(LINKED_LIMIT);
}

/** Events to link an enterprise to: recent ones, or those whose name contains `q`. */
export async function findEventsToLink(db: Db, q = "", limit = 50) {
  // LIKE's own wildcards in what was typed are matched literally.
  const text = q.trim().replace(/[\\%_]/g, "\\$&");
  return db
    .select({ id: events.id, kind: events.kind, nameZh: events.nameZh, nameEn: events.nameEn, startsOn: events.startsOn, city: events.city })
    .from(events)
    .where(and(isNull(events.deletedAt), text ? or(ilike(events.nameZh, `%${text}%`), ilike(events.nameEn, `%${text}%`)) : undefined))
    .orderBy(desc(events.startsOn), desc(events.id))
    .limit(limit);
}
