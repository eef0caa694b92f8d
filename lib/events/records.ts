import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { eventParticipants, events } from "@/db/schema";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * The live event participants are added to, locked against a concurrent delete. Staff and
 * above may link any enterprise to any event: whoever met a company at an event records it,
 * whichever team organised the event.
 */
export async function lockLiveEvent(tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, id), isNull(events.deletedAt)))
    .for("share");
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * A live participant row for changing or removing. Allowed to those who may edit the event,
 * and to the person who added that participant (undoing one's own link).
 */
export async function lockParticipantForEdit(tx: Tx, id: string, viewer: Viewer) {
  const [row] = await tx
    .select({ participant: eventParticipants, event: events })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.id, id), isNull(eventParticipants.deletedAt), isNull(events.deletedAt)))
    .for("update", { of: eventParticipants });
  if (!row) throw new NotFoundError();
  if (!canEdit(viewer, row.event) && row.participant.createdBy !== viewer.id) throw new ForbiddenError();
  return row;
}
