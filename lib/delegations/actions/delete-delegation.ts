"use server";

import { revalidatePath } from "next/cache";
import { delegations } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { lockDelegation } from "../records";
import { deleteDelegationInput } from "../schema";

/** Soft delete: the delegation leaves lists, pages, timelines and calendar feeds; its rows stay. */
export const deleteDelegation = action({
  name: "delegation.delete",
  input: deleteDelegationInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockDelegation(tx, viewer, input.id),
  async run({ viewer, input, tx, record: current }) {
    const row = await updateVersioned(tx, delegations, current, input.version, { deletedAt: new Date() }, viewer);
    return { data: { id: row.id }, audit: [{ entityType: "delegation", entityId: row.id, before: current, after: row }] };
  },
  after() {
    revalidatePath("/delegations", "layout");
  },
});
