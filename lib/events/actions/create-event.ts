"use server";

import { revalidatePath } from "next/cache";
import { events } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { checkEventDates, eventInput } from "../schema";

export const createEvent = action({
  name: "event.create",
  input: eventInput,
  minRole: WRITE_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    checkEventDates(input);
    const [row] = await tx
      .insert(events)
      .values({ ...input, ownerId: viewer.id, teamId: viewer.teamId, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return { data: { id: row.id }, audit: [{ entityType: "event", entityId: row.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/events");
  },
});
