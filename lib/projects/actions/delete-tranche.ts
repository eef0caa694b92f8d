"use server";

import { revalidatePath } from "next/cache";
import { fundTranches } from "@/db/schema";
import { VERIFY_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { updateVersioned } from "@/lib/records";
import { deleteTrancheInput } from "../schema";
import { lockTrancheForCorrection } from "../tranches";

/**
 * Takes back a tranche recorded in error: soft-deleted, so every figure stops counting it while
 * the audit entry keeps what it was, who removed it and why.
 */
export const deleteFundTranche = action({
  name: "project.deleteTranche",
  input: deleteTrancheInput,
  minRole: VERIFY_ROLE,
  load: ({ viewer, input, tx }) => lockTrancheForCorrection(tx, viewer, input.id),
  async run({ viewer, input, tx, record: { tranche } }) {
    const row = await updateVersioned(tx, fundTranches, tranche, input.version, { deletedAt: new Date() }, viewer);
    return {
      data: { id: row.id, projectId: row.projectId },
      audit: [{ entityType: "fund_tranche", entityId: row.id, before: tranche, after: { ...row, reason: input.reason } }],
    };
  },
  after({ projectId }) {
    revalidatePath(`/projects/${projectId}`);
  },
});
