"use server";

import { revalidatePath } from "next/cache";
import { savedViews } from "@/db/schema";
import { action } from "@/lib/action";
import { atLeast } from "@/lib/auth/roles";
import { FieldError } from "@/lib/errors";
import { saveViewInput } from "../schema";

/** Anyone may keep personal views; a manager may share one with their team. */
export const saveView = action({
  name: "saved_view.create",
  input: saveViewInput,
  minRole: "viewer",
  async run({ viewer, input, tx }) {
    if (input.share && !(atLeast(viewer.role, "manager") && viewer.teamId)) throw new FieldError("share", "savedViews.shareNotAllowed");
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
