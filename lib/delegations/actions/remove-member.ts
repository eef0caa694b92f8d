"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegationMembers } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { lockDelegation } from "../records";
import { removeMemberInput } from "../schema";

export const removeDelegationMember = action({
  name: "delegation.member.remove",
  input: removeMemberInput,
  minRole: WRITE_ROLE,
  /** A live member, of a delegation the caller may edit (locked). */
  async load({ viewer, input, tx }) {
    const [member] = await tx.select().from(delegationMembers).where(and(eq(delegationMembers.id, input.id), isNull(delegationMembers.deletedAt)));
    if (!member) throw new NotFoundError();
    await lockDelegation(tx, viewer, member.delegationId);
    return member;
  },
  async run({ viewer, input, tx, record: member }) {
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
