"use server";

import { revalidatePath } from "next/cache";
import { delegationEnterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockDelegationPart, removeDelegationPart } from "../records";
import { unlinkEnterpriseInput } from "../schema";

/** Soft: linking the pair again revives the same row. */
export const unlinkEnterpriseFromDelegation = action({
  name: "delegation.enterprise.unlink",
  input: unlinkEnterpriseInput,
  minRole: WRITE_ROLE,
  /** A live link, of a delegation the caller may edit (locked). */
  load: ({ viewer, input, tx }) => lockDelegationPart(tx, viewer, delegationEnterprises, input.id),
  async run({ viewer, input, tx, record: link }) {
    const row = await removeDelegationPart(tx, viewer, delegationEnterprises, input.id);
    return {
      data: { delegationId: link.delegationId, enterpriseId: link.enterpriseId },
      audit: [{ entityType: "delegation_enterprise", entityId: row.id, before: link, after: row }],
    };
  },
  after({ delegationId, enterpriseId }) {
    revalidatePath(`/delegations/${delegationId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
