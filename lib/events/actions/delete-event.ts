"use server";

import { revalidatePath } from "next/cache";
import { events } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { deleteEventInput } from "../schema";

/**
 * Soft delete: participants, visits and projects keep their rows, so restoring the event
 * (or reading the audit) loses nothing; lists and pages stop showing it.
 */
export const deleteEvent = action({
  name: "event.delete",
  input: deleteEventInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, events, input.id, viewer),
  async run({ viewer, input: { id, version }, tx, record: before }) {
    const after = await updateVersioned(tx, events, before, version, { deletedAt: new Date() }, viewer);
    return { data: { id }, audit: [{ entityType: "event", entityId: id, before, after }] };
  },
  after() {
    revalidatePath("/events");
  },
});
