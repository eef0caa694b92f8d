"use server";

import { revalidatePath } from "next/cache";
import { fundTranches } from "@/db/schema";
import { VERIFY_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { updateTrancheInput } from "../schema";
import { lockTrancheForCorrection, trancheFormValues, trancheValues } from "../tranches";

/**
 * Corrects a tranche of funds in place: a manager of the project's team or an admin, over the
 * version they saw, with the reason kept in the audit entry beside the old and new values.
 */
export const updateFundTranche = action({
  name: "project.updateTranche",
  input: updateTrancheInput,
  minRole: VERIFY_ROLE,
  load: ({ viewer, input, tx }) => lockTrancheForCorrection(tx, viewer, input.id),
  async run({ viewer, input, tx, record: { tranche } }) {
    // Stale: the other person's values go back, so the form can show them beside the typed ones.
    if (tranche.version !== input.version) throw new ConflictError(await savedVersion(tx, tranche, trancheFormValues(tranche)));
    const { receivedOn, amount } = trancheValues(input);
    const row = await updateVersioned(tx, fundTranches, tranche, input.version, { receivedOn, amount, currency: input.currency, note: input.note ?? null }, viewer);
    return {
      data: { id: row.id, projectId: row.projectId, version: row.version },
      audit: [{ entityType: "fund_tranche", entityId: row.id, before: tranche, after: { ...row, reason: input.reason } }],
    };
  },
  after({ projectId }) {
    revalidatePath(`/projects/${projectId}`);
  },
});
