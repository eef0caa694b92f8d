"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegationMembers, users } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { lockDelegation } from "../records";
import { addMemberInput } from "../schema";

/** One of our people (a user) or an outsider (name, organisation, title) joins the delegation. */
export const addDelegationMember = action({
  name: "delegation.member.add",
  input: addMemberInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockDelegation(tx, viewer, input.delegationId),
  async run({ viewer, input, tx }) {
    if (!input.userId && !input.name) throw new FieldError("name", "delegations.rules.memberWho");
    if (input.userId) {
      const [person] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), isNull(users.deactivatedAt), isNull(users.deletedAt)));
      if (!person) throw new FieldError("userId", "delegations.rules.userMissing");
      const [already] = await tx
        .select({ id: delegationMembers.id })
        .from(delegationMembers)
        .where(and(eq(delegationMembers.delegationId, input.delegationId), eq(delegationMembers.userId, input.userId), isNull(delegationMembers.deletedAt)));
      if (already) throw new FieldError("userId", "delegations.rules.memberAlready");
    }
    const [row] = await tx
      .insert(delegationMembers)
      .values({
        delegationId: input.delegationId,
        userId: input.userId ?? null,
        // Our people are named by their user record; only outsiders carry a name here.
        name: input.userId ? null : (input.name ?? null),
        organisation: input.userId ? null : (input.organisation ?? null),
        title: input.title ?? null,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    return { data: { id: row!.id, delegationId: input.delegationId }, audit: [{ entityType: "delegation_member", entityId: row!.id, before: null, after: row }] };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
