"use server";

import { revalidatePath } from "next/cache";
import { events } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { checkEventDates, updateEventInput } from "../schema";
import { eventFormValues } from "../values";

export const updateEvent = action({
  name: "event.update",
  input: updateEventInput,
  minRole: WRITE_ROLE,
  /** Dates in order, then the event, locked, if the caller may edit it. */
  async load({ viewer, input, tx }) {
    checkEventDates(input);
    return lockForEdit(tx, events, input.id, viewer);
  },
  async run({ viewer, input: { id, version, ...values }, tx, record: before }) {
    if (before.version !== version) throw new ConflictError(await savedVersion(tx, before, eventFormValues(before)));
    const after = await updateVersioned(tx, events, before, version, values, viewer);
    return { data: { id }, audit: [{ entityType: "event", entityId: id, before, after }] };
  },
  after({ id }) {
    revalidatePath("/events");
    revalidatePath(`/events/${id}`);
  },
});
