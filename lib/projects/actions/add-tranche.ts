"use server";

import { revalidatePath } from "next/cache";
import { fundTranches } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { lockProject } from "../records";
import { addTrancheInput } from "../schema";
import { fundsMayArrive, trancheValues } from "../tranches";

/** Records funds actually in place (到位资金) as a dated tranche, once the project has signed. */
export const addFundTranche = action({
  name: "project.addTranche",
  input: addTrancheInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockProject(tx, viewer, input.projectId),
  async run({ viewer, input, tx, record: project }) {
    if (!fundsMayArrive(project.stage)) throw new FieldError("projectId", "projectRules.tranchesBeforeSigning");
    const { receivedOn, amount } = trancheValues(input);
    const [row] = await tx
      .insert(fundTranches)
      .values({ projectId: project.id, receivedOn, amount, currency: input.currency, note: input.note ?? null, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    return { data: { id: row!.id, projectId: project.id }, audit: [{ entityType: "fund_tranche", entityId: row!.id, before: null, after: row }] };
  },
  after({ projectId }) {
    revalidatePath(`/projects/${projectId}`);
  },
});
