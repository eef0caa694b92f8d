import "server-only";
import { and, asc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { delegationMembers, delegations, enterprises, events, itineraryStops } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The itinerary stops of the delegations a person owns or travels with, not cancelled, from
 * `from` (and before `until`, when given), in time order: what My day, the morning digest and
 * the calendar feed list.
 */
export async function listMyStops(db: Db, viewer: Viewer, { from, until, limit }: { from: Date; until?: Date; limit: number }) {
  const member = sql`exists (select 1 from ${delegationMembers} where ${delegationMembers.delegationId} = ${delegations.id} and ${delegationMembers.userId} = ${viewer.id} and ${delegationMembers.deletedAt} is null)`;
  return db
    .select({
      id: itineraryStops.id,
      startsAt: itineraryStops.startsAt,
      timeZone: itineraryStops.timeZone,
      place: itineraryStops.place,
      note: itineraryStops.note,
      status: itineraryStops.status,
      delegationId: delegations.id,
      delegationName: delegations.name,
      enterpriseId: itineraryStops.enterpriseId,
      enterpriseNameZh: enterprises.nameZh,
      enterpriseNameEn: enterprises.nameEn,
      eventNameZh: events.nameZh,
      eventNameEn: events.nameEn,
    })
    .from(itineraryStops)
    .innerJoin(delegations, and(eq(delegations.id, itineraryStops.delegationId), isNull(delegations.deletedAt)))
    .leftJoin(enterprises, eq(enterprises.id, itineraryStops.enterpriseId))
    .leftJoin(events, eq(events.id, itineraryStops.eventId))
    .where(
      and(
        isNull(itineraryStops.deletedAt),
        sql`${itineraryStops.status} <> 'cancelled'`,
        gte(itineraryStops.startsAt, from),
        until ? lt(itineraryStops.startsAt, until) : undefined,
        or(eq(delegations.ownerId, viewer.id), member),
      ),
    )
    .orderBy(asc(itineraryStops.startsAt))
    .limit(limit);
}
export type MyStop = Awaited<ReturnType<typeof listMyStops>>[number];
