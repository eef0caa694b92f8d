"use server";

import { revalidatePath } from "next/cache";
import { visits } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { deleteVisitInput } from "../schema";

/**
 * Soft delete: the visit leaves lists and timelines; its follow-ups stay (they are tasks of
 * their own), and a stop it recorded keeps pointing at it for the audit trail.
 */
export const deleteVisit = action({
  name: "visit.delete",
  input: deleteVisitInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, visits, input.id, viewer),
  async run({ viewer, input, tx, record: current }) {
    const row = await updateVersioned(tx, visits, current, input.version, { deletedAt: new Date() }, viewer);
    return { data: { id: row.id, enterpriseId: row.enterpriseId }, audit: [{ entityType: "visit", entityId: row.id, before: current, after: row }] };
  },
  after({ enterpriseId }) {
    revalidatePath("/visits");
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
