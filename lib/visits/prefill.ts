import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { delegations, enterprises, events, itineraryStops } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";

export interface VisitPrefill {
  enterprise: { id: string; nameZh: string | null; nameEn: string | null } | null;
  occurredAt: Date | null;
  /** The stop's own zone (a meeting abroad); the visit itself is kept on Beijing time. */
  timeZone: string | null;
  place: string | null;
  stopId: string | null;
  delegation: { id: string; name: string } | null;
  event: { id: string; nameZh: string | null; nameEn: string | null } | null;
}

const enterpriseName = (db: Db, id: string) =>
  db
    .select({ id: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)))
    .then((rows) => rows[0] ?? null);

/**
 * A planned itinerary stop the caller may record, as the visit form's starting values.
 * A stop already done answers its visit instead; anything else (missing, cancelled, not the
 * caller's to edit) answers null.
 */
export async function prefillFromStop(db: Db, viewer: Viewer, stopId: string): Promise<VisitPrefill | { doneVisitId: string | null } | null> {
  const [row] = await db
    .select({ stop: itineraryStops, delegationName: delegations.name, ownerId: delegations.ownerId, teamId: delegations.teamId })
    .from(itineraryStops)
    .innerJoin(delegations, eq(delegations.id, itineraryStops.delegationId))
    .where(and(eq(itineraryStops.id, stopId), isNull(itineraryStops.deletedAt), isNull(delegations.deletedAt)));
  if (!row || !canEdit(viewer, row)) return null;
  if (row.stop.status === "done") return { doneVisitId: row.stop.visitId };
  if (row.stop.status !== "planned") return null;
  return {
    enterprise: row.stop.enterpriseId ? await enterpriseName(db, row.stop.enterpriseId) : null,
    occurredAt: row.stop.startsAt,
    timeZone: row.stop.timeZone,
    place: row.stop.place,
    stopId: row.stop.id,
    delegation: { id: row.stop.delegationId, name: row.delegationName },
    event: null,
  };
}

export async function prefillFromEnterprise(db: Db, enterpriseId: string): Promise<VisitPrefill | null> {
  const enterprise = await enterpriseName(db, enterpriseId);
  return enterprise ? { enterprise, occurredAt: null, timeZone: null, place: null, stopId: null, delegation: null, event: null } : null;
}

/** A visit met at an event: the event's venue as the place. */
export async function prefillFromEvent(db: Db, eventId: string): Promise<VisitPrefill | null> {
  const [event] = await db
    .select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn, venue: events.venue, city: events.city })
    .from(events)
    .where(and(eq(events.id, eventId), isNull(events.deletedAt)));
  if (!event) return null;
  return {
    enterprise: null,
    occurredAt: null,
    timeZone: null,
    place: event.venue ?? event.city,
    stopId: null,
    delegation: null,
    event: { id: event.id, nameZh: event.nameZh, nameEn: event.nameEn },
  };
}
