"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegationMembers } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { lockDelegation } from "../records";
import { removeMemberInput } from "../schema";

export const removeDelegationMember = action({
  name: "delegation.member.remove",
  input: removeMemberInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    const [member] = await tx.select().from(delegationMembers).where(and(eq(delegationMembers.id, input.id), isNull(delegationMembers.deletedAt)));
    if (!member) throw new NotFoundError();
    await lockDelegation(tx, viewer, member.delegationId);
    const [row] = await tx
      .update(delegationMembers)
      .set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id })
      .where(and(eq(delegationMembers.id, input.id), isNull(delegationMembers.deletedAt)))
      .returning();
    if (!row) throw new NotFoundError();
    return { data: { delegationId: member.delegationId }, audit: [{ entityType: "delegation_member", entityId: row.id, before: member, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
