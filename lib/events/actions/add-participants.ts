"use server";

import { revalidatePath } from "next/cache";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { addParticipantRows } from "../participants";
import { lockLiveEvent } from "../records";
import { addParticipantsInput } from "../schema";

/**
 * Adds many participants at once: existing enterprises by id, new ones created on the spot
 * with the create form's duplicate rules. Answers one outcome per row, in order.
 */
export const addParticipants = action({
  name: "event.add_participants",
  input: addParticipantsInput,
  minRole: WRITE_ROLE,
  /** Any live event, held against a delete: whoever met a company there records it. */
  load: ({ input, tx }) => lockLiveEvent(tx, input.eventId),
  async run({ viewer, input, tx }) {
    const { outcomes, audit } = await addParticipantRows(tx, viewer, input.eventId, input.rows);
    return { data: { eventId: input.eventId, outcomes }, audit };
  },
  after({ eventId, outcomes }) {
    revalidatePath(`/events/${eventId}`);
    for (const o of outcomes) if ("enterpriseId" in o) revalidatePath(`/enterprises/${o.enterpriseId}`);
  },
});
