"use server";

import { revalidatePath } from "next/cache";
import { followUps } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { FieldError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/time";
import { lockFollowUp } from "../records";
import { rescheduleFollowUpInput } from "../schema";

/** A new due day; a day already past is refused. */
export const rescheduleFollowUp = action({
  name: "followUp.reschedule",
  input: rescheduleFollowUpInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockFollowUp(tx, viewer, input.id, input.version, (row) => ({ dueOn: row.dueOn })),
  async run({ viewer, input, tx, record: current }) {
    if (input.dueOn < shanghaiDay()) throw new FieldError("dueOn", "followUpRules.pastDate");
    const row = await updateVersioned(tx, followUps, current, input.version, { dueOn: input.dueOn }, viewer);
    return { data: { id: row.id, version: row.version, projectId: row.projectId }, audit: [{ entityType: "follow_up", entityId: row.id, before: current, after: row }] };
  },
  after({ projectId }) {
    revalidatePath("/my-day");
    if (projectId) revalidatePath(`/projects/${projectId}`);
  },
});
