import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { delegationEnterprises, delegationMembers, delegations, enterprises, events, itineraryStops } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { FieldError, NotFoundError } from "@/lib/errors";
import { lockForEdit, requireLive } from "@/lib/records";
import { isWallTime, zonedInstant } from "@/lib/time";
import type { StopSubjects } from "./stop-values";

/**
 * Members, linked enterprises and stops belong to their delegation: changing any of them
 * needs the right to edit the delegation, and locks it so concurrent itinerary edits queue.
 */
export function lockDelegation(tx: Tx, viewer: Viewer, id: string) {
  return lockForEdit(tx, delegations, id, viewer);
}

/** A delegation's members and its linked enterprises: rows of their own, each under one delegation. */
type DelegationPart = typeof delegationMembers | typeof delegationEnterprises;

/** A live member or enterprise link, for a change by someone who may edit its delegation (locked). */
export async function lockDelegationPart<T extends DelegationPart>(tx: Tx, viewer: Viewer, table: T, id: string): Promise<T["$inferSelect"]> {
  const [part] = (await tx
    .select()
    .from(table as DelegationPart)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))) as T["$inferSelect"][];
  if (!part) throw new NotFoundError();
  await lockDelegation(tx, viewer, part.delegationId);
  return part;
}

/** Takes a member or an enterprise link off its delegation, softly: the row stays, deleted. */
export async function removeDelegationPart<T extends DelegationPart>(tx: Tx, viewer: Viewer, table: T, id: string): Promise<T["$inferSelect"]> {
  const [row] = (await tx
    .update(table as DelegationPart)
    .set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id })
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning()) as T["$inferSelect"][];
  if (!row) throw new NotFoundError();
  return row;
}

export function checkDates(input: { startsOn: string; endsOn: string }) {
  if (input.endsOn < input.startsOn) throw new FieldError("endsOn", "delegations.rules.endsBeforeStart");
}

/** A stop has a place, an enterprise or an event, and the ids name live records. */
export async function checkStopSubjects(tx: Tx, input: { place?: string; enterpriseId?: string; eventId?: string }) {
  if (!input.place && !input.enterpriseId && !input.eventId) throw new FieldError("place", "delegations.rules.stopWhere");
  if (input.enterpriseId) await requireLive(tx, enterprises, input.enterpriseId, "enterpriseId", "delegations.rules.enterpriseMissing");
  if (input.eventId) await requireLive(tx, events, input.eventId, "eventId", "delegations.rules.eventMissing");
}

interface StopInput {
  date: string;
  time: string;
  timeZone: string;
  place?: string;
  enterpriseId?: string;
  eventId?: string;
  contactName?: string;
  contactPhone?: string;
  note?: string;
}

/**
 * The columns a stop's form writes: the wall-clock day and time in the stop's zone become the
 * instant stored. A time the clocks skip there (the spring-forward hour) is refused at the field.
 */
export function stopColumns(input: StopInput) {
  if (!isWallTime(input.date, input.time, input.timeZone)) throw new FieldError("time", "delegations.rules.timeSkipped");
  return {
    startsAt: zonedInstant(input.date, input.time, input.timeZone),
    timeZone: input.timeZone,
    place: input.place ?? null,
    enterpriseId: input.enterpriseId ?? null,
    eventId: input.eventId ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    note: input.note ?? null,
  };
}

/** The names of the enterprise and event a saved stop names, for the conflict its editor is shown. */
export async function stopSubjects(tx: Tx, stop: { enterpriseId: string | null; eventId: string | null }): Promise<StopSubjects> {
  const names = { id: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn };
  const [enterprise] = stop.enterpriseId ? await tx.select(names).from(enterprises).where(eq(enterprises.id, stop.enterpriseId)) : [];
  const [event] = stop.eventId ? await tx.select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn }).from(events).where(eq(events.id, stop.eventId)) : [];
  return { enterprise: enterprise ?? null, event: event ?? null };
}

/** The live stops of a delegation in itinerary order. */
export function liveStops(tx: Tx, delegationId: string) {
  return tx
    .select()
    .from(itineraryStops)
    .where(and(eq(itineraryStops.delegationId, delegationId), isNull(itineraryStops.deletedAt)))
    .orderBy(asc(itineraryStops.position), asc(itineraryStops.startsAt));
}

/** Positions 1..n in the given order, writing only rows whose position changes. */
export async function renumberStops(tx: Tx, ordered: { id: string; position: number }[]) {
  for (const [i, stop] of ordered.entries()) {
    if (stop.position !== i + 1) await tx.update(itineraryStops).set({ position: i + 1 }).where(eq(itineraryStops.id, stop.id));
  }
}

/** A live stop and its delegation, locked for a change by someone who may edit the delegation. */
export async function lockStop(tx: Tx, viewer: Viewer, id: string) {
  const [stop] = await tx.select().from(itineraryStops).where(and(eq(itineraryStops.id, id), isNull(itineraryStops.deletedAt)));
  if (!stop) throw new NotFoundError();
  const delegation = await lockDelegation(tx, viewer, stop.delegationId);
  const [locked] = await tx.select().from(itineraryStops).where(and(eq(itineraryStops.id, id), isNull(itineraryStops.deletedAt))).for("update");
  if (!locked) throw new NotFoundError();
  return { stop: locked, delegation };
}
