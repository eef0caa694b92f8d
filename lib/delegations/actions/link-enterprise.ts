"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegationEnterprises, enterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { requireLive } from "@/lib/records";
import { lockDelegation } from "../records";
import { linkEnterpriseInput } from "../schema";

/**
 * Links an enterprise to a delegation in a role, from either side. The pair is unique: linking
 * again changes the role, and an unlinked pair comes back to life rather than failing the index.
 */
export const linkEnterpriseToDelegation = action({
  name: "delegation.enterprise.link",
  input: linkEnterpriseInput,
  minRole: WRITE_ROLE,
  /**
   * The link of the pair, locked, or undefined when there never was one: of a delegation the caller
   * may edit (locked) and a live enterprise.
   */
  async load({ viewer, input, tx }) {
    await lockDelegation(tx, viewer, input.delegationId);
    await requireLive(tx, enterprises, input.enterpriseId, "enterpriseId", "delegations.rules.enterpriseMissing");
    const [link] = await tx
      .select()
      .from(delegationEnterprises)
      .where(and(eq(delegationEnterprises.delegationId, input.delegationId), eq(delegationEnterprises.enterpriseId, input.enterpriseId)))
      .for("update");
    return link;
  },
  async run({ viewer, input, tx, record: before }) {
    const now = new Date();
    const [row] = before
      ? await tx
          .update(delegationEnterprises)
          .set({ role: input.role, deletedAt: null, updatedAt: now, updatedBy: viewer.id, version: sql`${delegationEnterprises.version} + 1` })
          .where(eq(delegationEnterprises.id, before.id))
          .returning()
      : await tx
          .insert(delegationEnterprises)
          .values({ delegationId: input.delegationId, enterpriseId: input.enterpriseId, role: input.role, createdBy: viewer.id, updatedBy: viewer.id })
          .returning();
    return {
      data: { id: row!.id, delegationId: input.delegationId, enterpriseId: input.enterpriseId },
      audit: [{ entityType: "delegation_enterprise", entityId: row!.id, before: before ?? null, after: row }],
    };
  },
  after({ delegationId, enterpriseId }) {
    revalidatePath(`/delegations/${delegationId}`);
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
