"use server";

import { revalidatePath } from "next/cache";
import { events } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { insertOwned } from "@/lib/records";
import { checkEventDates, eventInput } from "../schema";

export const createEvent = action({
  name: "event.create",
  input: eventInput,
  minRole: WRITE_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    checkEventDates(input);
    const row = await insertOwned(tx, events, input, viewer);
    return { data: { id: row.id }, audit: [{ entityType: "event", entityId: row.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/events");
  },
});
