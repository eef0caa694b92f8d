"use server";

import { revalidatePath } from "next/cache";
import { followUps } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { checkAssignee, lockFollowUp } from "../records";
import { reassignFollowUpInput } from "../schema";

/** Gives the follow-up to someone else in its team. */
export const reassignFollowUp = action({
  name: "followUp.reassign",
  input: reassignFollowUpInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockFollowUp(tx, viewer, input.id, input.version, (row) => ({ assigneeId: row.assigneeId ?? "" })),
  async run({ viewer, input, tx, record: current }) {
    await checkAssignee(tx, viewer, input.assigneeId, current.teamId);
    const row = await updateVersioned(tx, followUps, current, input.version, { assigneeId: input.assigneeId }, viewer);
    return { data: { id: row.id, version: row.version, projectId: row.projectId }, audit: [{ entityType: "follow_up", entityId: row.id, before: current, after: row }] };
  },
  after({ projectId }) {
    revalidatePath("/my-day");
    if (projectId) revalidatePath(`/projects/${projectId}`);
  },
});
