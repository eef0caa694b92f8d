"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { savedViews } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";

/** Only the person who saved a view deletes it (a shared view too). */
export const deleteView = action({
  name: "saved_view.delete",
  input: z.object({ id: uuidParam }),
  minRole: READ_ROLE,
  async load({ viewer, input, tx }) {
    const [view] = await tx
      .select()
      .from(savedViews)
      .where(and(eq(savedViews.id, input.id), eq(savedViews.userId, viewer.id), isNull(savedViews.deletedAt)))
      .for("update");
    if (!view) throw new NotFoundError();
    return view;
  },
  async run({ viewer, input, tx, record: before }) {
    const [after] = await tx
      .update(savedViews)
      .set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id })
      .where(eq(savedViews.id, input.id))
      .returning();
    return { data: null, audit: [{ entityType: "saved_view", entityId: input.id, before, after }] };
  },
  after() {
    revalidatePath("/enterprises");
  },
});
