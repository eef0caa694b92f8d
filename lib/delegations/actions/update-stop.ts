"use server";

import { revalidatePath } from "next/cache";
import { itineraryStops } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { checkStopSubjects, lockStop, stopColumns, stopSubjects } from "../records";
import { updateStopInput } from "../schema";
import { stopFormValues } from "../stop-values";

/**
 * Changes a stop's time, zone, place, enterprise, event, contact or note over the version the
 * editor saw. A stale edit is a conflict carrying the other person's values and the names of
 * the enterprise and event they chose, which the editor's form may not list.
 */
export const updateItineraryStop = action({
  name: "delegation.stop.update",
  input: updateStopInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockStop(tx, viewer, input.id),
  async run({ viewer, input, tx, record: { stop } }) {
    if (stop.version !== input.version) throw new ConflictError({ ...(await savedVersion(tx, stop, stopFormValues(stop))), subjects: await stopSubjects(tx, stop) });
    const columns = stopColumns(input);
    await checkStopSubjects(tx, input);
    const row = await updateVersioned(tx, itineraryStops, stop, input.version, columns, viewer);
    return { data: { id: row.id, delegationId: row.delegationId }, audit: [{ entityType: "itinerary_stop", entityId: row.id, before: stop, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
