"use server";

import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { checkStopSubjects, lockStop } from "../records";
import { updateStopInput } from "../schema";
import { shanghaiInstant } from "@/lib/time";

/** Changes a stop's time, place, enterprise, event or note over the version the editor saw. */
export const updateItineraryStop = action({
  name: "delegation.stop.update",
  input: updateStopInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockStop(tx, viewer, input.id),
  async run({ viewer, input, tx, record: { stop } }) {
    await checkStopSubjects(tx, input);
    const row = await updateVersioned(
      tx,
      itineraryStops,
      stop,
      input.version,
      {
        startsAt: shanghaiInstant(input.date, input.time),
        place: input.place ?? null,
        enterpriseId: input.enterpriseId ?? null,
        eventId: input.eventId ?? null,
        note: input.note ?? null,
      },
      viewer,
    );
    return { data: { id: row.id, delegationId: row.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: row.id, before: stop, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
