"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { liveStops, lockStop, renumberStops } from "../records";
import { stopRefInput } from "../schema";

/** Takes a stop off the itinerary and closes the gap. A stop already logged as a visit stays. */
export const removeItineraryStop = action({
  name: "delegation.stop.remove",
  input: stopRefInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockStop(tx, viewer, input.id),
  async run({ viewer, tx, record: { stop } }) {
    if (stop.status === "done") throw new FieldError("id", "delegations.rules.stopDone");
    const [row] = await tx.update(itineraryStops).set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id }).where(eq(itineraryStops.id, stop.id)).returning();
    await renumberStops(tx, await liveStops(tx, stop.delegationId));
    return { data: { delegationId: stop.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: stop.id, before: stop, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
