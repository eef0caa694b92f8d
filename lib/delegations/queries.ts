import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { DELEGATION_DIRECTIONS, delegationEnterprises, delegationMembers, delegations, enterprises, events, itineraryStops, users } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/paging";
import { correlated } from "@/lib/sql";

// Delegations are not confidential: every signed-in user reads them; editing follows ownership.

const PAGE = 25;

export interface DelegationFilters {
  direction?: (typeof DELEGATION_DIRECTIONS)[number];
  year?: number;
  cursor?: string;
}

/** Reads the list's filters from the URL; anything unknown is ignored rather than an error. */
export function parseDelegationFilters(params: Record<string, string | string[] | undefined>): DelegationFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const direction = DELEGATION_DIRECTIONS.find((d) => d === one("direction"));
  const yearText = one("year");
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  return { direction, year, cursor: one("cursor") };
}

/** Newest first by start day, keyset-paged on (startsOn, id). */
export async function listDelegations(db: Db, filters: DelegationFilters) {
  const where: (SQL | undefined)[] = [isNull(delegations.deletedAt)];
  if (filters.direction) where.push(eq(delegations.direction, filters.direction));
  if (filters.year) where.push(gte(delegations.startsOn, `${filters.year}-01-01`), lt(delegations.startsOn, `${filters.year + 1}-01-01`));
  const cursor = decodeCursor(filters.cursor, "text");
  if (cursor && /^\d{4}-\d{2}-\d{2}$/.test(cursor.at)) {
    where.push(or(lt(delegations.startsOn, cursor.at), and(eq(delegations.startsOn, cursor.at), lt(delegations.id, cursor.id))));
  }
  const rows = await db
    .select({
      id: delegations.id,
      name: delegations.name,
      direction: delegations.direction,
      leaderName: delegations.leaderName,
      leaderTitle: delegations.leaderTitle,
      destination: delegations.destination,
      startsOn: delegations.startsOn,
      endsOn: delegations.endsOn,
      stops: correlated<number>(sql`(select count(*)::int from ${itineraryStops} where ${itineraryStops.delegationId} = ${delegations.id} and ${itineraryStops.deletedAt} is null)`),
    })
    .from(delegations)
    .where(and(...where))
    .orderBy(desc(delegations.startsOn), desc(delegations.id))
    .limit(PAGE + 1);
  const items = rows.slice(0, PAGE);
  const last = items.at(-1);
  return { items, next: rows.length > PAGE && last ? encodeCursor({ at: last.startsOn, id: last.id }) : null };
}

/** One delegation with its people, linked enterprises and itinerary in order; null when missing. */
export async function getDelegation(db: Db, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ delegation: delegations, ownerName: users.name })
    .from(delegations)
    .leftJoin(users, eq(users.id, delegations.ownerId))
    .where(and(eq(delegations.id, id), isNull(delegations.deletedAt)));
  if (!row) return null;
  const [members, linked, stops] = await Promise.all([
    db
      .select({
        id: delegationMembers.id,
        userId: delegationMembers.userId,
        userName: users.name,
        userEmail: users.email,
        name: delegationMembers.name,
        organisation: delegationMembers.organisation,
        title: delegationMembers.title,
      })
      .from(delegationMembers)
      .leftJoin(users, eq(users.id, delegationMembers.userId))
      .where(and(eq(delegationMembers.delegationId, id), isNull(delegationMembers.deletedAt)))
      .orderBy(asc(delegationMembers.createdAt)),
    db
      .select({ id: delegationEnterprises.id, enterpriseId: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn, role: delegationEnterprises.role })
      .from(delegationEnterprises)
      .innerJoin(enterprises, and(eq(enterprises.id, delegationEnterprises.enterpriseId), isNull(enterprises.deletedAt)))
      .where(and(eq(delegationEnterprises.delegationId, id), isNull(delegationEnterprises.deletedAt)))
      .orderBy(asc(delegationEnterprises.createdAt)),
    listStops(db, id),
  ]);
  return { delegation: row.delegation, ownerName: row.ownerName, canEdit: canEdit(viewer, row.delegation), members, linked, stops };
}

export type DelegationDetail = NonNullable<Awaited<ReturnType<typeof getDelegation>>>;

function listStops(db: Db, delegationId: string) {
  return db
    .select({
      id: itineraryStops.id,
      version: itineraryStops.version,
      position: itineraryStops.position,
      startsAt: itineraryStops.startsAt,
      timeZone: itineraryStops.timeZone,
      place: itineraryStops.place,
      contactName: itineraryStops.contactName,
      contactPhone: itineraryStops.contactPhone,
      note: itineraryStops.note,
      status: itineraryStops.status,
      visitId: itineraryStops.visitId,
      enterpriseId: itineraryStops.enterpriseId,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      eventId: itineraryStops.eventId,
      eventNameZh: events.nameZh,
      eventNameEn: events.nameEn,
    })
    .from(itineraryStops)
    .leftJoin(enterprises, eq(enterprises.id, itineraryStops.enterpriseId))
    .leftJoin(events, eq(events.id, itineraryStops.eventId))
    .where(and(eq(itineraryStops.delegationId, delegationId), isNull(itineraryStops.deletedAt)))
    .orderBy(asc(itineraryStops.position), asc(itineraryStops.startsAt));
}

export type StopRow = Awaited<ReturnType<typeof listStops>>[number];

/** Delegations the caller may link an enterprise to: upcoming first, then the most recent. */
export async function listLinkableDelegations(db: Db, viewer: Viewer, today: string) {
  const where: (SQL | undefined)[] = [isNull(delegations.deletedAt)];
  if (viewer.role !== "admin") {
    const own = viewer.role === "staff" ? eq(delegations.ownerId, viewer.id) : sql`false`;
    const team = viewer.teamId ? eq(delegations.teamId, viewer.teamId) : sql`false`;
    where.push(viewer.role === "viewer" ? sql`false` : or(own, team));
  }
  return db
    .select({ id: delegations.id, name: delegations.name, direction: delegations.direction, startsOn: delegations.startsOn, endsOn: delegations.endsOn })
    .from(delegations)
    .where(and(...where))
    .orderBy(sql`(${delegations.endsOn} >= ${today}) desc`, sql`case when ${delegations.endsOn} >= ${today} then ${delegations.startsOn} end asc`, desc(delegations.startsOn))
    .limit(50);
}

/** Our people who can be named as members: active users. */
export function listMemberCandidates(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(isNull(users.deactivatedAt), isNull(users.deletedAt)))
    .orderBy(asc(users.name))
    .limit(500);
}

/** Events a stop may name: the most recent ones. */
export function listEventChoices(db: Db) {
  return db
    .select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn, startsOn: events.startsOn })
    .from(events)
    .where(isNull(events.deletedAt))
    .orderBy(desc(events.startsOn))
    .limit(100);
}
