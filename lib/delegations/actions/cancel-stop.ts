"use server";

import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { lockStop } from "../records";
import { stopRefInput } from "../schema";

/** A planned stop that will not happen: kept on the itinerary, struck through, out of calendar feeds. */
export const cancelItineraryStop = action({
  name: "delegation.stop.cancel",
  input: stopRefInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockStop(tx, viewer, input.id),
  async run({ viewer, tx, record: { stop } }) {
    if (stop.status !== "planned") throw new FieldError("id", "delegations.rules.stopNotPlanned");
    const row = await updateVersioned(tx, itineraryStops, stop, stop.version, { status: "cancelled" }, viewer);
    return { data: { delegationId: stop.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: stop.id, before: stop, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
