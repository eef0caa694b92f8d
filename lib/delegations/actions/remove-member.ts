"use server";

import { revalidatePath } from "next/cache";
import { delegationMembers } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { lockDelegationPart, removeDelegationPart } from "../records";
import { removeMemberInput } from "../schema";

export const removeDelegationMember = action({
  name: "delegation.member.remove",
  input: removeMemberInput,
  minRole: WRITE_ROLE,
  /** A live member, of a delegation the caller may edit (locked). */
  load: ({ viewer, input, tx }) => lockDelegationPart(tx, viewer, delegationMembers, input.id),
  async run({ viewer, input, tx, record: member }) {
    const row = await removeDelegationPart(tx, viewer, delegationMembers, input.id);
    return { data: { delegationId: member.delegationId }, audit: [{ entityType: "delegation_member", entityId: row.id, before: member, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
