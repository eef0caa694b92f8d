"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { enterprises, projects, stageChanges } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/follow-ups/dates";
import { checkAssignment } from "../records";
import { createProjectInput } from "../schema";
import { projectColumns } from "../values";

export const createProject = action({
  name: "project.create",
  input: createProjectInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), isNull(enterprises.deletedAt)));
    if (!enterprise) throw new FieldError("enterpriseId", "projectRules.enterpriseMissing");
    const { ownerId, teamId } = await checkAssignment(tx, viewer, input);
    const now = new Date();
    const [row] = await tx
      .insert(projects)
      .values({
        ...projectColumns(input),
        enterpriseId: input.enterpriseId,
        stage: input.stage as (typeof projects.$inferInsert)["stage"],
        stageChangedAt: now,
        signedOn: input.stage === "signed" ? shanghaiDay(now) : null,
        ownerId,
        teamId,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    const [change] = await tx
      .insert(stageChanges)
      .values({ projectId: row.id, fromStage: null, toStage: row.stage, changedBy: viewer.id, changedAt: now, createdBy: viewer.id, updatedBy: viewer.id })
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
