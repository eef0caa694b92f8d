"use server";

import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { checkStopSubjects, liveStops, lockDelegation } from "../records";
import { addStopInput } from "../schema";
import { shanghaiInstant } from "@/lib/time";

/** Appends a stop to the itinerary; its time is entered in Asia/Shanghai and stored UTC. */
export const addItineraryStop = action({
  name: "delegation.stop.add",
  input: addStopInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockDelegation(tx, viewer, input.delegationId),
  async run({ viewer, input, tx }) {
    await checkStopSubjects(tx, input);
    const stops = await liveStops(tx, input.delegationId);
    const [row] = await tx
      .insert(itineraryStops)
      .values({
        delegationId: input.delegationId,
        position: stops.length + 1,
        startsAt: shanghaiInstant(input.date, input.time),
        place: input.place ?? null,
        enterpriseId: input.enterpriseId ?? null,
        eventId: input.eventId ?? null,
        note: input.note ?? null,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    return { data: { id: row!.id, delegationId: input.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: row!.id, before: null, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
