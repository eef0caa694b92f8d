"use server";

import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { checkStopSubjects, liveStops, lockDelegation, stopColumns } from "../records";
import { addStopInput } from "../schema";

/** Appends a stop to the itinerary; its time is entered on the wall clock of the stop's zone and stored as an instant. */
export const addItineraryStop = action({
  name: "delegation.stop.add",
  input: addStopInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockDelegation(tx, viewer, input.delegationId),
  async run({ viewer, input, tx }) {
    const columns = stopColumns(input);
    await checkStopSubjects(tx, input);
    const stops = await liveStops(tx, input.delegationId);
    const [row] = await tx
      .insert(itineraryStops)
      .values({ ...columns, delegationId: input.delegationId, position: stops.length + 1, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    return { data: { id: row!.id, delegationId: input.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: row!.id, before: null, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
