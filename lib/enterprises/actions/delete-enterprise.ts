"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { enterprises } from "@/db/schema";
import { CURATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { uuidParam } from "@/lib/validation";

/**
 * Soft delete: the record leaves every list and page, keeps its rows, and a manager can
 * restore it from the Deleted view.
 */
export const deleteEnterprise = action({
  name: "enterprise.delete",
  input: z.object({ id: uuidParam, version: z.coerce.number({ error: "validation.invalid" }).int().positive() }),
  minRole: CURATE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, enterprises, input.id, viewer),
  async run({ viewer, input, tx, record: row }) {
    const after = await updateVersioned(tx, enterprises, row, input.version, { deletedAt: new Date() }, viewer);
    return { data: { id: row.id }, audit: [{ entityType: "enterprise", entityId: row.id, before: row, after }] };
  },
  after() {
    revalidatePath("/enterprises", "layout");
  },
});
