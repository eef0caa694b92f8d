"use server";

import { revalidatePath } from "next/cache";
import { delegations } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { checkDates, lockDelegation } from "../records";
import { updateDelegationInput } from "../schema";
import { delegationColumns, delegationFormValues } from "../values";

/** Saves the edit form over the version the editor loaded; a stale one gets the saved values back. */
export const updateDelegation = action({
  name: "delegation.update",
  input: updateDelegationInput,
  minRole: WRITE_ROLE,
  /** Dates in order, then the delegation, locked, if the caller may edit it. */
  async load({ viewer, input, tx }) {
    checkDates(input);
    return lockDelegation(tx, viewer, input.id);
  },
  async run({ viewer, input, tx, record: current }) {
    if (current.version !== input.version) throw new ConflictError(await savedVersion(tx, current, delegationFormValues(current)));
    const row = await updateVersioned(tx, delegations, current, input.version, delegationColumns(input), viewer);
    return { data: { id: row.id, version: row.version }, audit: [{ entityType: "delegation", entityId: row.id, before: current, after: row }] };
  },
  after({ id }) {
    revalidatePath("/delegations");
    revalidatePath(`/delegations/${id}`);
  },
});
