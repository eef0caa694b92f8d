import "server-only";
import { and, asc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { delegationMembers, delegations, enterprises, events, itineraryStops } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, shanghaiDay, shanghaiInstant } from "@/lib/time";

/**
 * Today's itinerary stops (Asia/Shanghai day) of the delegations the person leads as owner or
 * travels with, not cancelled, in time order: the same stops as their calendar feed.
 */
export async function listTodaysStops(db: Db, viewer: Viewer, today = shanghaiDay()) {
  const member = sql`exists (select 1 from ${delegationMembers} where ${delegationMembers.delegationId} = ${delegations.id} and ${delegationMembers.userId} = ${viewer.id} and ${delegationMembers.deletedAt} is null)`;
  return db
    .select({
      id: itineraryStops.id,
      startsAt: itineraryStops.startsAt,
      place: itineraryStops.place,
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
        gte(itineraryStops.startsAt, shanghaiInstant(today)),
        lt(itineraryStops.startsAt, shanghaiInstant(addDays(today, 1))),
        or(eq(delegations.ownerId, viewer.id), member),
      ),
    )
    .orderBy(asc(itineraryStops.startsAt))
    .limit(50);
}
export type TodaysStop = Awaited<ReturnType<typeof listTodaysStops>>[number];
