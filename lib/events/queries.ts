import "server-only";
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import { enterprises, eventParticipants, events, projects, users, visits } from "@/db/schema";
import { canCreate, canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/paging";
import { cnyAmount, rateToCny } from "@/lib/projects/cny";
import { visibleProjects } from "@/lib/projects/visibility";
import type { EventFilters } from "./schema";
import { shanghaiDaySql } from "@/lib/sql";

export const EVENT_PAGE_SIZE = 30;
const LINKED_LIMIT = 500;

// Events, participants and visits are readable by every signed-in member of the organisation;
// only projects can be confidential, and those go through visibleProjects.

/** A project sourced from an event counts as signed from 签约 signed on, and as landed (落地) from 注册 registered on. */
const SIGNED = sql.raw(`'signed'::project_stage`);
const LANDED = sql.raw(`'registered'::project_stage`);

export interface EventRow {
  id: string;
  kind: (typeof events.$inferSelect)["kind"];
  nameZh: string | null;
  nameEn: string | null;
  startsOn: string;
  endsOn: string;
  city: string | null;
  venue: string | null;
  participants: number;
  /** Projects sourced from the event that the caller may see. */
  projects: number;
  /** Their signed amounts in CNY (each currency summed, converted at today's rate, rounded to the fen, then added). */
  signedCny: string;
}

/**
 * What the events in `eventIds` (a subquery) produced, per event: the projects sourced there that
 * the caller may see, and their signed and landed amounts in CNY. The money rule of the board's
 * totals: each currency's amounts summed, converted at today's rate and rounded to the fen, then
 * added; a currency without a rate adds nothing. The list and the event page both read this.
 */
function outcomes(viewer: Viewer, eventIds: SQL) {
  return sql`
    select s.event_id, sum(s.n) as n,
      coalesce(sum(round(s.signed * ${rateToCny(sql.raw("s.currency"))}, 2)), 0) as signed,
      coalesce(sum(round(s.landed * ${rateToCny(sql.raw("s.currency"))}, 2)), 0) as landed
    from (
      select ${projects.sourceEventId} as event_id, ${projects.currency} as currency, count(*) as n,
        coalesce(sum(${projects.plannedAmount}) filter (where ${projects.stage} >= ${SIGNED}), 0) as signed,
        coalesce(sum(${projects.plannedAmount}) filter (where ${projects.stage} >= ${LANDED}), 0) as landed
      from ${projects} where ${visibleProjects(viewer)} and ${projects.sourceEventId} in (${eventIds}) group by 1, 2) s
    group by 1`;
}

/** An event's outcome as the list shows it, with the landed amount too. */
export async function getEventOutcome(db: Db, viewer: Viewer, eventId: string) {
  const [row] = await queryRows<{ n: number; signed: string; landed: string }>(db, sql`
    select n::int as n, signed::text as signed, landed::text as landed from (${outcomes(viewer, sql`select ${eventId}::uuid`)}) o`);
  return { projects: Number(row?.n ?? 0), signedCny: row?.signed ?? "0", landedCny: row?.landed ?? "0" };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A figure sort's cursor: the figure, then the start date its ties are ordered by. */
const FIGURE_AT = /^(\d{1,30}(?:\.\d{1,2})?)~(\d{4}-\d{2}-\d{2})$/;

/**
 * Events filtered by kind and year, keyset-paged, newest first (`sort` "date", the default) or by
 * participants, projects sourced or signed amount, most first, ties newest first. One statement per
 * page: by date the page is read from the start-date index first and only its events are counted;
 * by a figure every event of the filter is counted (grouped scans of participants and projects),
 * then sorted. The projects and amounts are those the caller may see.
 */
export async function listEvents(db: Db, viewer: Viewer, filters: EventFilters, limit = EVENT_PAGE_SIZE) {
  const sort = filters.sort ?? "date";
  const raw = decodeCursor(filters.after, "text");
  const after = raw && (sort === "date" ? DAY.test(raw.at) : FIGURE_AT.test(raw.at)) ? raw : null;
  const [, afterFigure, afterDay] = (after && sort !== "date" ? FIGURE_AT.exec(after.at) : null) ?? [];
  const chosen = and(
    isNull(events.deletedAt),
    filters.kind ? eq(events.kind, filters.kind) : undefined,
    filters.year ? sql`${events.startsOn} between ${`${filters.year}-01-01`}::date and ${`${filters.year}-12-31`}::date` : undefined,
  );
  const byDate = sort === "date";
  const page = byDate
    ? sql`and ${after ? sql`(${events.startsOn}, ${events.id}) < (${after?.at}::date, ${after?.id}::uuid)` : sql`true`}
        order by ${events.startsOn} desc, ${events.id} desc limit ${limit + 1}`
    : sql``;
  const key = sql.raw(sort === "participants" ? "r.participants" : sort === "projects" ? "r.projects" : sort === "signed" ? "r.signed_cny" : "r.starts_on");
  const rows = await queryRows<EventRow & { sortKey: string }>(db, sql`
    with ev as (
      select ${events.id} as id, ${events.kind} as kind, ${events.nameZh} as name_zh, ${events.nameEn} as name_en,
        ${events.startsOn} as starts_on, ${events.endsOn} as ends_on, ${events.city} as city, ${events.venue} as venue
      from ${events} where ${chosen} ${page}),
    parts as (
      select ${eventParticipants.eventId} as event_id, count(*) as n from ${eventParticipants}
      where ${eventParticipants.deletedAt} is null and ${eventParticipants.eventId} in (select id from ev) group by 1),
    outcome as (${outcomes(viewer, sql`select id from ev`)}),
    r as (
      select ev.*, coalesce(parts.n, 0)::int as participants, coalesce(o.n, 0)::int as projects, coalesce(o.signed, 0)::numeric(30, 2) as signed_cny
      from ev left join parts on parts.event_id = ev.id left join outcome o on o.event_id = ev.id)
    select r.id, r.kind, r.name_zh as "nameZh", r.name_en as "nameEn", r.starts_on::text as "startsOn", r.ends_on::text as "endsOn",
      r.city, r.venue, r.participants, r.projects, r.signed_cny::text as "signedCny",
      ${byDate ? sql`r.starts_on::text` : sql`${key}::text || '~' || r.starts_on::text`} as "sortKey"
    from r
    ${!byDate && after ? sql`where (${key}, r.starts_on, r.id) < (${afterFigure}::numeric, ${afterDay}::date, ${after.id}::uuid)` : sql``}
    order by ${byDate ? sql`r.starts_on desc, r.id desc` : sql`${key} desc, r.starts_on desc, r.id desc`}
    limit ${limit + 1}`);
  const shown = rows.slice(0, limit).map(({ sortKey: _key, ...r }) => ({ ...r, participants: Number(r.participants), projects: Number(r.projects) }));
  const last = rows[limit - 1];
  return { rows: shown, next: rows.length > limit && last ? encodeCursor({ at: last.sortKey, id: last.id }) : null };
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

/**
 * Projects this event produced (signed on site or sourced here), as far as the caller may see:
 * each with its signed amount from 签约 signed on and its landed amount from 注册 registered on, in CNY
 * at today's rate (null while not signed or landed, or when no rate is known).
 */
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
      signedCny: sql<string | null>`case when ${projects.stage} >= ${SIGNED} then ${cnyAmount(projects.plannedAmount, projects.currency)} end`,
      landedCny: sql<string | null>`case when ${projects.stage} >= ${LANDED} then ${cnyAmount(projects.plannedAmount, projects.currency)} end`,
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
