"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { delegationEnterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { lockDelegation } from "../records";
import { unlinkEnterpriseInput } from "../schema";

/** Soft: linking the pair again revives the same row. */
export const unlinkEnterpriseFromDelegation = action({
  name: "delegation.enterprise.unlink",
  input: unlinkEnterpriseInput,
  minRole: WRITE_ROLE,
  /** A live link, of a delegation the caller may edit (locked). */
  async load({ viewer, input, tx }) {
    const [link] = await tx.select().from(delegationEnterprises).where(and(eq(delegationEnterprises.id, input.id), isNull(delegationEnterprises.deletedAt)));
    if (!link) throw new NotFoundError();
    await lockDelegation(tx, viewer, link.delegationId);
    return link;
  },
  async run({ viewer, input, tx, record: link }) {
    const [row] = await tx
      .update(delegationEnterprises)
      .set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id })
      .where(and(eq(delegationEnterprises.id, input.id), isNull(delegationEnterprises.deletedAt)))
      .returning();
    if (!row) throw new NotFoundError();
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
