"use server";

import { revalidatePath } from "next/cache";
import { enterprises, projects, stageChanges } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import type { FieldErrors } from "@/lib/action-core";
import { requireLive } from "@/lib/records";
import { checkAssignment } from "../records";
import { createProjectInput } from "../schema";
import { readSigning, throwFieldErrors } from "../signing";
import { projectColumns } from "../values";

/**
 * Creates a project of an enterprise at one of the early stages. Starting at 签约 records a
 * signing, as a move into it does: the signing day and the planned amount as the signed amount.
 */
export const createProject = action({
  name: "project.create",
  input: createProjectInput,
  minRole: WRITE_ROLE,
  /** The live enterprise the project is of: anyone who writes may start one for any enterprise. */
  load: ({ input, tx }) => requireLive(tx, enterprises, input.enterpriseId, "enterpriseId", "projectRules.enterpriseMissing"),
  async run({ viewer, input, tx }) {
    const { ownerId, teamId } = await checkAssignment(tx, viewer, input);
    const missing: FieldErrors = {};
    const signing =
      input.stage === "signed"
        ? readSigning({ signedOn: input.signedOn, amount: input.plannedAmount, unit: input.plannedUnit }, input.currency, { day: "signedOn", amount: "plannedAmount" }, missing)
        : null;
    throwFieldErrors(missing);
    const now = new Date();
    const [row] = await tx
      .insert(projects)
      .values({
        ...projectColumns(input),
        enterpriseId: input.enterpriseId,
        stage: input.stage as (typeof projects.$inferInsert)["stage"],
        stageChangedAt: now,
        signedOn: signing?.signedOn ?? null,
        ownerId,
        teamId,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    const [change] = await tx
      .insert(stageChanges)
      .values({ projectId: row.id, fromStage: null, toStage: row.stage, changedBy: viewer.id, changedAt: now, ...signing, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    return {
      data: { id: row.id, enterpriseId: row.enterpriseId },
      audit: [
        { entityType: "project", entityId: row.id, before: null, after: row },
        { entityType: "stage_change", entityId: change!.id, before: null, after: change },
      ],
    };
  },
  after({ enterpriseId }) {
    revalidatePath("/pipeline");
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
