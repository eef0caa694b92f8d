"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { enterprises, followUps, projects, users, visits } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/visibility";
import { checkAssignee } from "../records";
import { createFollowUpInput } from "../schema";

/** A task about an enterprise, optionally about one of its projects or arising from a visit. */
export const createFollowUp = action({
  name: "followUp.create",
  input: createFollowUpInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), isNull(enterprises.deletedAt)));
    if (!enterprise) throw new FieldError("enterpriseId", "followUpRules.enterpriseMissing");
    if (input.projectId) {
      const [project] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, input.projectId), eq(projects.enterpriseId, input.enterpriseId), visibleProjects(viewer)));
      if (!project) throw new FieldError("projectId", "followUpRules.projectMismatch");
    }
    if (input.visitId) {
      const [visit] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(and(eq(visits.id, input.visitId), eq(visits.enterpriseId, input.enterpriseId), isNull(visits.deletedAt)));
      if (!visit) throw new FieldError("visitId", "followUpRules.visitMismatch");
    }
    const assigneeId = input.assigneeId ?? viewer.id;
    let teamId = viewer.teamId;
    if (viewer.role === "admin" && assigneeId !== viewer.id) {
      const [person] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, assigneeId));
      teamId = person?.teamId ?? null;
    }
    await checkAssignee(tx, viewer, assigneeId, teamId);
    const [row] = await tx
      .insert(followUps)
      .values({
        enterpriseId: input.enterpriseId,
        projectId: input.projectId ?? null,
        visitId: input.visitId ?? null,
        kind: input.kind,
        title: input.title,
        dueOn: input.dueOn,
        assigneeId,
        teamId,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning();
    return { data: { id: row!.id, enterpriseId: row!.enterpriseId, projectId: row!.projectId }, audit: [{ entityType: "follow_up", entityId: row!.id, before: null, after: row }] };
  },
  after({ enterpriseId, projectId }) {
    revalidatePath("/my-day");
    revalidatePath(`/enterprises/${enterpriseId}`);
    if (projectId) revalidatePath(`/projects/${projectId}`);
  },
});
