"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegations, enterprises, events, itineraryStops, visits } from "@/db/schema";
import { WRITE_ROLE, canEdit } from "@/lib/access";
import { action } from "@/lib/action";
import type { AuditSpec } from "@/lib/audit";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { insertFollowUp } from "@/lib/follow-ups/write";
import { insertOwned, requireLive } from "@/lib/records";
import { insertAttendees } from "../records";
import { logVisitInput } from "../schema";

/**
 * Logs a visit in one go: the visit, who attended, a follow-up per next step, and — when it
 * was a planned itinerary stop — marks that stop done and points it at the visit.
 */
export const logVisit = action({
  name: "visit.create",
  input: logVisitInput,
  minRole: WRITE_ROLE,
  /**
   * The live enterprise visited, and the itinerary stop it was when one is named: still planned,
   * of a delegation the caller may edit, locked. Anyone who writes may log a visit to any enterprise.
   */
  async load({ viewer, input, tx }) {
    const enterprise = await requireLive(tx, enterprises, input.enterpriseId, "enterpriseId", "visits.rules.enterpriseMissing");

    let stop: typeof itineraryStops.$inferSelect | undefined;
    if (input.stopId) {
      const [found] = await tx
        .select({ stop: itineraryStops, ownerId: delegations.ownerId, teamId: delegations.teamId })
        .from(itineraryStops)
        .innerJoin(delegations, eq(delegations.id, itineraryStops.delegationId))
        .where(and(eq(itineraryStops.id, input.stopId), isNull(itineraryStops.deletedAt), isNull(delegations.deletedAt)))
        .for("update", { of: itineraryStops });
      if (!found) throw new NotFoundError();
      if (!canEdit(viewer, found)) throw new ForbiddenError();
      // Two people logging the same stop: the second learns it already has its visit.
      if (found.stop.status !== "planned") throw new ConflictError({ stopId: found.stop.id, status: found.stop.status, visitId: found.stop.visitId });
      if (found.stop.enterpriseId && found.stop.enterpriseId !== input.enterpriseId) throw new FieldError("enterpriseId", "visits.rules.stopEnterprise");
      stop = found.stop;
    }
    if (input.eventId) await requireLive(tx, events, input.eventId, "eventId", "visits.rules.eventMissing");
    return { enterprise, stop };
  },
  async run({ viewer, input, tx, record: { stop } }) {
    const delegationId = stop?.delegationId ?? null;

    const visit = await insertOwned(
      tx,
      visits,
      {
        enterpriseId: input.enterpriseId,
        occurredAt: input.occurredAt,
        place: input.place ?? null,
        summary: input.summary,
        outcome: input.outcome ?? null,
        delegationId,
        eventId: input.eventId ?? null,
      },
      viewer,
    );
    const attendees = await insertAttendees(tx, viewer, visit.id, input.enterpriseId, input);
    const audit: AuditSpec[] = [{ entityType: "visit", entityId: visit.id, before: null, after: { ...visit, attendees } }];

    for (const [i, step] of input.steps.entries()) {
      const followUp = await insertFollowUp(
        tx,
        viewer,
        { enterpriseId: input.enterpriseId, visitId: visit.id, kind: step.kind, title: step.title, dueOn: step.dueOn, assigneeId: step.assigneeId },
        { assigneeField: `steps.${i}.assigneeId` },
      );
      audit.push({ entityType: "follow_up", entityId: followUp.id, before: null, after: followUp, action: "followUp.create" });
    }

    if (stop) {
      const [done] = await tx
        .update(itineraryStops)
        .set({ status: "done", visitId: visit.id, updatedAt: new Date(), updatedBy: viewer.id, version: stop.version + 1 })
        .where(eq(itineraryStops.id, stop.id))
        .returning();
      audit.push({ entityType: "itinerary_stop", entityId: stop.id, before: stop, after: done, action: "itineraryStop.done" });
    }
    return { data: { id: visit.id, enterpriseId: input.enterpriseId, delegationId }, audit };
  },
  after({ enterpriseId, delegationId }) {
    revalidatePath("/visits");
    revalidatePath("/my-day");
    revalidatePath(`/enterprises/${enterpriseId}`);
    if (delegationId) revalidatePath(`/delegations/${delegationId}`);
  },
});
