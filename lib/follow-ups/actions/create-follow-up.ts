"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { enterprises, projects, visits } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError } from "@/lib/errors";
import { visibleProjects } from "@/lib/projects/visibility";
import { requireLive } from "@/lib/records";
import { createFollowUpInput } from "../schema";
import { insertFollowUp } from "../write";

/** A task about an enterprise, optionally about one of its projects or arising from a visit. */
export const createFollowUp = action({
  name: "followUp.create",
  input: createFollowUpInput,
  minRole: WRITE_ROLE,
  /**
   * The live enterprise it is about, with the project (one the caller sees) and the visit it
   * names checked to be that enterprise's.
   */
  async load({ viewer, input, tx }) {
    const enterprise = await requireLive(tx, enterprises, input.enterpriseId, "enterpriseId", "followUpRules.enterpriseMissing");
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
    return enterprise;
  },
  async run({ viewer, input, tx }) {
    const row = await insertFollowUp(tx, viewer, {
      enterpriseId: input.enterpriseId,
      projectId: input.projectId,
      visitId: input.visitId,
      kind: input.kind,
      title: input.title,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId,
    });
    return { data: { id: row.id, enterpriseId: row.enterpriseId, projectId: row.projectId }, audit: [{ entityType: "follow_up", entityId: row.id, before: null, after: row }] };
  },
  after({ enterpriseId, projectId }) {
    revalidatePath("/my-day");
    revalidatePath(`/enterprises/${enterpriseId}`);
    if (projectId) revalidatePath(`/projects/${projectId}`);
  },
});
