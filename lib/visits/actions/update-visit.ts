"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { visitAttendees, visits } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { attendeesOf, insertAttendees } from "../records";
import { updateVisitInput } from "../schema";
import { visitFormValues } from "../values";

/** Edits what happened and who was there, over the version the editor loaded. */
export const updateVisit = action({
  name: "visit.update",
  input: updateVisitInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, visits, input.id, viewer),
  async run({ viewer, input, tx, record: current }) {
    const attendeesBefore = await attendeesOf(tx, current.id);
    if (current.version !== input.version) throw new ConflictError(await savedVersion(tx, current, visitFormValues(current, attendeesBefore)));
    const row = await updateVersioned(
      tx,
      visits,
      current,
      input.version,
      { occurredAt: input.occurredAt, place: input.place ?? null, summary: input.summary, outcome: input.outcome ?? null },
      viewer,
    );
    // Attendees carry no history of their own: the audit row keeps the before and after lists.
    await tx.delete(visitAttendees).where(eq(visitAttendees.visitId, current.id));
    await insertAttendees(tx, viewer, current.id, current.enterpriseId, input);
    return {
      data: { id: row.id, enterpriseId: row.enterpriseId, version: row.version },
      audit: [
        {
          entityType: "visit",
          entityId: row.id,
          before: { ...current, attendees: attendeesBefore },
          after: { ...row, attendees: { ours: input.ours, theirs: input.theirs, theirsNew: input.theirsNew } },
        },
      ],
    };
  },
  after({ id, enterpriseId }) {
    revalidatePath("/visits");
    revalidatePath(`/visits/${id}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
