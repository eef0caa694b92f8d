"use server";

import { revalidatePath } from "next/cache";
import { delegations } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { checkDates, lockDelegation } from "../records";
import { updateDelegationInput } from "../schema";
import { delegationColumns, delegationFormValues } from "../values";

/** Saves the edit form over the version the editor loaded; a stale one gets the saved values back. */
export const updateDelegation = action({
  name: "delegation.update",
  input: updateDelegationInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    checkDates(input);
    const current = await lockDelegation(tx, viewer, input.id);
    if (current.version !== input.version) throw new ConflictError({ version: current.version, values: delegationFormValues(current) });
    const row = await updateVersioned(tx, delegations, current, input.version, delegationColumns(input), viewer);
    return { data: { id: row.id, version: row.version }, audit: [{ entityType: "delegation", entityId: row.id, before: current, after: row }] };
  },
  after({ id }) {
    revalidatePath("/delegations");
    revalidatePath(`/delegations/${id}`);
  },
});
