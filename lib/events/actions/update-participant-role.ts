"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { eventParticipants } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockParticipantForEdit } from "../records";
import { updateParticipantRoleInput } from "../schema";

export const updateParticipantRole = action({
  name: "event.update_participant_role",
  input: updateParticipantRoleInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockParticipantForEdit(tx, input.id, viewer),
  async run({ viewer, input, tx, record: { participant: before } }) {
    const [after] = await tx
      .update(eventParticipants)
      .set({ role: input.role, updatedAt: new Date(), updatedBy: viewer.id, version: before.version + 1 })
      .where(eq(eventParticipants.id, before.id))
      .returning();
    return {
      data: { eventId: before.eventId, enterpriseId: before.enterpriseId },
      audit: [{ entityType: "event_participant", entityId: before.id, before, after }],
    };
  },
  after({ eventId, enterpriseId }) {
    revalidatePath(`/events/${eventId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
