"use server";

import { revalidatePath } from "next/cache";
import { followUps } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { lockFollowUp } from "../records";
import { completeFollowUpInput } from "../schema";

/** Done, with what came of it. */
export const completeFollowUp = action({
  name: "followUp.complete",
  input: completeFollowUpInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockFollowUp(tx, viewer, input.id, input.version),
  async run({ viewer, input, tx, record: current }) {
    const row = await updateVersioned(tx, followUps, current, input.version, { status: "done", outcome: input.outcome, completedAt: new Date() }, viewer);
    return { data: { id: row.id, version: row.version, projectId: row.projectId }, audit: [{ entityType: "follow_up", entityId: row.id, before: current, after: row }] };
  },
  after({ projectId }) {
    revalidatePath("/my-day");
    if (projectId) revalidatePath(`/projects/${projectId}`);
  },
});
