"use server";

import { revalidatePath } from "next/cache";
import { projects, stageChanges } from "@/db/schema";
import { CREATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import type { AuditSpec } from "@/lib/audit";
import { checkEvidence, discardEvidence, storeEvidence } from "@/lib/evidence/storage";
import { ConflictError, FieldError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/follow-ups/dates";
import { updateVersioned } from "@/lib/records";
import { closePendingRequests, lockProject, projectState } from "../records";
import { moveStageInput } from "../schema";
import { canVerify, isBackward, needsVerification } from "../stages";

/**
 * Moves a project to another stage over the version the mover saw. Backward needs a reason.
 * A milestone after signing needs a verifier: a manager of the team (or an admin) moves it with
 * evidence at once; anyone else files a pending request and the project stays where it is.
 */
export const moveProjectStage = action({
  name: "project.moveStage",
  input: moveStageInput,
  minRole: CREATE_ROLE,
  async run({ viewer, input, tx }) {
    const project = await lockProject(tx, viewer, input.id);
    if (project.version !== input.version) throw new ConflictError(await projectState(tx, project));
    if (project.stage === input.toStage) throw new FieldError("toStage", "projectRules.sameStage");
    if (isBackward(project.stage, input.toStage) && !input.reason) throw new FieldError("reason", "projectRules.backwardReason");

    const verify = needsVerification(project.stage, input.toStage);
    const verifier = verify && canVerify(viewer, project);
    const state = verify && !verifier ? ("pending" as const) : ("applied" as const);
    if (state === "pending") {
      const open = await projectState(tx, project);
      if (open.pendingTo) throw new FieldError("toStage", "projectRules.requestOpen");
    }
    if (verifier && !input.evidence) throw new FieldError("evidence", "projectRules.evidenceRequired");
    const evidence = input.evidence ? await checkEvidence(input.evidence) : null;

    const now = new Date();
    const audit: AuditSpec[] = [];
    const closed = state === "applied" ? await closePendingRequests(tx, project.id) : [];
    for (const c of closed) audit.push({ entityType: "stage_change", entityId: c.id, before: { ...c, state: "pending" }, after: c, action: "project.requestWithdrawn" });

    // A request bumps the version too: a second person moving the same card must see a conflict.
    const row = await updateVersioned(
      tx,
      projects,
      project,
      input.version,
      state === "applied"
        ? {
            stage: input.toStage,
            stageChangedAt: now,
            ...(input.toStage === "signed" && !project.signedOn ? { signedOn: shanghaiDay(now) } : {}),
          }
        : {},
      viewer,
    );

    const key = evidence ? await storeEvidence(evidence) : null;
    try {
      const [change] = await tx
        .insert(stageChanges)
        .values({
          projectId: project.id,
          fromStage: project.stage,
          toStage: input.toStage,
          state,
          reason: input.reason ?? null,
          changedBy: viewer.id,
          changedAt: now,
          verifiedBy: verifier ? viewer.id : null,
          verifiedAt: verifier ? now : null,
          evidencePath: key,
          evidenceName: evidence?.name ?? null,
          evidenceType: evidence?.type ?? null,
          evidenceSize: evidence?.size ?? null,
          createdBy: viewer.id,
          updatedBy: viewer.id,
        })
        .returning();
      audit.push(
        { entityType: "project", entityId: project.id, before: project, after: row },
        { entityType: "stage_change", entityId: change!.id, before: null, after: change },
      );
    } catch (e) {
      if (key) await discardEvidence(key);
      throw e;
    }
    return {
      data: { id: row.id, stage: row.stage, status: row.status, version: row.version, pendingTo: state === "pending" ? input.toStage : null },
      audit,
    };
  },
  after({ id }) {
    revalidatePath("/pipeline");
    revalidatePath(`/projects/${id}`);
  },
});

