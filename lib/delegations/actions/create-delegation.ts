"use server";

import { revalidatePath } from "next/cache";
import { delegations } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { insertOwned } from "@/lib/records";
import { checkDates } from "../records";
import { createDelegationInput } from "../schema";
import { delegationColumns } from "../values";

/** A new delegation, owned by its creator and their team. */
export const createDelegation = action({
  name: "delegation.create",
  input: createDelegationInput,
  minRole: WRITE_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    checkDates(input);
    const row = await insertOwned(tx, delegations, delegationColumns(input), viewer);
    return { data: { id: row.id }, audit: [{ entityType: "delegation", entityId: row.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/delegations");
  },
});
