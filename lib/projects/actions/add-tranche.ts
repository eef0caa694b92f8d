"use server";

import { revalidatePath } from "next/cache";
import { fundTranches } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/follow-ups/dates";
import { toYuan } from "@/lib/money";
import { lockProject } from "../records";
import { addTrancheInput } from "../schema";

/** Records funds actually in place (到位资金) as a dated tranche. */
export const addFundTranche = action({
  name: "project.addTranche",
  input: addTrancheInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    const project = await lockProject(tx, viewer, input.projectId);
    if (input.receivedOn > shanghaiDay()) throw new FieldError("receivedOn", "projectRules.futureDate");
    const amount = toYuan(input.amount, input.unit);
    if (!/[1-9]/.test(amount)) throw new FieldError("amount", "projectRules.positiveAmount");
    const [row] = await tx
      .insert(fundTranches)
      .values({ projectId: project.id, receivedOn: input.receivedOn, amount, currency: input.currency, note: input.note ?? null, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    return { data: { id: row!.id, projectId: project.id }, audit: [{ entityType: "fund_tranche", entityId: row!.id, before: null, after: row }] };
  },
  after({ projectId }) {
    revalidatePath(`/projects/${projectId}`);
  },
});
