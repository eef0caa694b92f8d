"use server";

import { revalidatePath } from "next/cache";
import { events } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { checkEventDates, updateEventInput } from "../schema";

export const updateEvent = action({
  name: "event.update",
  input: updateEventInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input: { id, version, ...values }, tx }) {
    checkEventDates(values);
    const before = await lockForEdit(tx, events, id, viewer);
    const after = await updateVersioned(tx, events, before, version, values, viewer);
    return { data: { id }, audit: [{ entityType: "event", entityId: id, before, after }] };
  },
  after({ id }) {
    revalidatePath("/events");
    revalidatePath(`/events/${id}`);
  },
});
