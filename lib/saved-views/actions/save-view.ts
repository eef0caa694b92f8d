"use server";

import { revalidatePath } from "next/cache";
import { savedViews } from "@/db/schema";
import { LEAD_ROLE, READ_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { atLeast } from "@/lib/auth/roles";
import { FieldError } from "@/lib/errors";
import { saveViewInput } from "../schema";

/** Anyone may keep personal views; a manager may share one with their team. */
export const saveView = action({
  name: "saved_view.create",
  input: saveViewInput,
  minRole: READ_ROLE,
  /** A view of one's own; sharing it with the team is a team lead's. */
  async load({ viewer, input }) {
    if (input.share && !(atLeast(viewer.role, LEAD_ROLE) && viewer.teamId)) throw new FieldError("share", "savedViews.shareNotAllowed");
    return null;
  },
  async run({ viewer, input, tx }) {
    const [row] = await tx
      .insert(savedViews)
      .values({
        userId: viewer.id,
        screen: input.screen,
        name: input.name,
        query: new URLSearchParams(input.query).toString(),
        sharedWithTeamId: input.share ? viewer.teamId : null,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    return { data: { id: row!.id }, audit: [{ entityType: "saved_view", entityId: row!.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/enterprises");
  },
});
