"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { projects, stageChanges } from "@/db/schema";
import { action } from "@/lib/action";
import { checkEvidence, discardEvidence, storeEvidence } from "@/lib/evidence/storage";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { lockProject, projectState } from "../records";
import { decideStageRequestInput } from "../schema";
import { canVerify } from "../stages";

/**
 * A manager of the project's team (or an admin) approves a pending milestone with evidence, and
 * the project enters the stage; or rejects it with a note, and the project stays.
 */
export const decideStageRequest = action({
  name: "project.decideStageRequest",
  input: decideStageRequestInput,
  minRole: "manager",
  async run({ viewer, input, tx }) {
    const [request] = await tx
      .select()
      .from(stageChanges)
      .where(and(eq(stageChanges.id, input.requestId), isNull(stageChanges.deletedAt)))
      .for("update");
    if (!request) throw new NotFoundError();
    const project = await lockProject(tx, viewer, request.projectId, (p) => canVerify(viewer, p));
    if (request.state !== "pending" || project.stage !== request.fromStage) throw new ConflictError(await projectState(tx, project));

    const approve = input.decision === "approve";
    if (approve && !input.evidence && !request.evidencePath) throw new FieldError("evidence", "projectRules.evidenceRequired");
    const evidence = approve && input.evidence ? await checkEvidence(input.evidence) : null;

    const now = new Date();
    const row = await updateVersioned(tx, projects, project, project.version, approve ? { stage: request.toStage, stageChangedAt: now } : {}, viewer);
    const key = evidence ? await storeEvidence(evidence) : null;
    try {
      const [decided] = await tx
        .update(stageChanges)
        .set({
          state: approve ? "applied" : "rejected",
          // The stage changed when it was verified; the request's own time stays in createdAt.
          ...(approve ? { changedAt: now } : {}),
          verifiedBy: viewer.id,
          verifiedAt: now,
          verificationNote: input.note ?? null,
          ...(evidence && key ? { evidencePath: key, evidenceName: evidence.name, evidenceType: evidence.type, evidenceSize: evidence.size } : {}),
          updatedAt: now,
          updatedBy: viewer.id,
          version: request.version + 1,
        })
        .where(eq(stageChanges.id, request.id))
        .returning();
      return {
        data: { id: project.id, stage: row.stage, version: row.version },
        audit: [
          { entityType: "stage_change", entityId: request.id, before: request, after: decided },
          { entityType: "project", entityId: project.id, before: project, after: row },
        ],
      };
    } catch (e) {
      if (key) await discardEvidence(key);
      throw e;
    }
  },
  after({ id }) {
    revalidatePath("/pipeline");
    revalidatePath(`/projects/${id}`);
  },
});
