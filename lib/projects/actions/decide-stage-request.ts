"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { projects, stageChanges } from "@/db/schema";
import { VERIFY_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import type { FieldErrors } from "@/lib/action-core";
import type { AuditSpec } from "@/lib/audit";
import { checkEvidence, storeEvidence } from "@/lib/evidence/storage";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { lockProject, projectState } from "../records";
import { decideStageRequestInput } from "../schema";
import { readSigning, type Signing, signingColumns, throwFieldErrors } from "../signing";
import { canVerify, needsSigning, stagesPassed, VERIFIED_STAGES } from "../stages";

/**
 * A manager of the project's team (or an admin) approves a pending milestone with evidence, and
 * the project enters the stage; or rejects it with a note, and the project stays. An approved
 * request over several stages records each stage entered: the steps before the last are inserted
 * before the request, which becomes the last step. A request that passes 签约 carries the signing;
 * one filed without it gets it from the approving manager.
 */
export const decideStageRequest = action({
  name: "project.decideStageRequest",
  input: decideStageRequestInput,
  minRole: VERIFY_ROLE,
  /** The request and its project, both locked; decided by one who may verify the project. */
  async load({ viewer, input, tx }) {
    const [request] = await tx
      .select()
      .from(stageChanges)
      .where(and(eq(stageChanges.id, input.requestId), isNull(stageChanges.deletedAt)))
      .for("update");
    if (!request) throw new NotFoundError();
    const project = await lockProject(tx, viewer, request.projectId, (p) => canVerify(viewer, p));
    return { request, project };
  },
  async run({ viewer, input, tx, record: { request, project } }) {
    if (request.state !== "pending" || project.stage !== request.fromStage) throw new ConflictError(await projectState(tx, project));

    const approve = input.decision === "approve";
    const missing: FieldErrors = {};
    let signing: Signing | null = null;
    if (approve && needsSigning(project.stage, request.toStage, project.signedOn !== null)) {
      signing =
        request.signedOn && request.signedAmount && request.signedCurrency
          ? { signedOn: request.signedOn, signedAmount: request.signedAmount, signedCurrency: request.signedCurrency }
          : readSigning({ signedOn: input.signedOn, amount: input.signedAmount, unit: input.signedUnit }, project.currency, { day: "signedOn", amount: "signedAmount" }, missing);
    }
    if (approve && !input.evidence && !request.evidenceName) missing.evidence = ["projectRules.evidenceRequired"];
    throwFieldErrors(missing);
    const evidence = approve && input.evidence ? await checkEvidence(input.evidence) : null;

    const steps = approve ? stagesPassed(project.stage, request.toStage) : [request.toStage];
    const start = Date.now();
    const at = (i: number) => new Date(start + i);
    const now = at(steps.length - 1);
    const row = await updateVersioned(
      tx,
      projects,
      project,
      project.version,
      approve ? { stage: request.toStage, stageChangedAt: now, ...(signing ? signingColumns(signing) : {}) } : {},
      viewer,
    );
    const audit: AuditSpec[] = [];
    // The steps before the last, as the requester moved them and the manager verified them.
    const passed = steps.slice(0, -1);
    if (passed.length > 0) {
      const inserted = await tx
        .insert(stageChanges)
        .values(
          passed.map((toStage, i) => ({
            projectId: project.id,
            fromStage: i === 0 ? project.stage : passed[i - 1]!,
            toStage,
            state: "applied" as const,
            reason: request.reason,
            changedBy: request.changedBy,
            changedAt: at(i),
            verifiedBy: VERIFIED_STAGES.includes(toStage) ? viewer.id : null,
            verifiedAt: VERIFIED_STAGES.includes(toStage) ? at(i) : null,
            ...(signing && toStage === "signed" ? signing : {}),
            createdBy: viewer.id,
            updatedBy: viewer.id,
          })),
        )
        .returning();
      for (const change of inserted) audit.push({ entityType: "stage_change", entityId: change.id, before: null, after: change });
    }
    const [decided] = await tx
      .update(stageChanges)
      .set({
        state: approve ? "applied" : "rejected",
        // The stage changed when it was verified; the request's own time stays in createdAt.
        ...(approve ? { fromStage: passed.at(-1) ?? project.stage, changedAt: now } : {}),
        // The signing now sits on the change into 签约; the request is the step after it.
        ...(approve && passed.includes("signed") ? { signedOn: null, signedAmount: null, signedCurrency: null } : {}),
        verifiedBy: viewer.id,
        verifiedAt: now,
        verificationNote: input.note ?? null,
        ...(evidence ? { evidenceName: evidence.name, evidenceType: evidence.type, evidenceSize: evidence.size } : {}),
        updatedAt: now,
        updatedBy: viewer.id,
        version: request.version + 1,
      })
      .where(eq(stageChanges.id, request.id))
      .returning();
    // The approver's file, in this transaction: a decision that fails keeps no file.
    if (evidence) await storeEvidence(tx, request.id, evidence);
    audit.unshift({ entityType: "stage_change", entityId: request.id, before: request, after: decided });
    audit.push({ entityType: "project", entityId: project.id, before: project, after: row });
    return { data: { id: project.id, stage: row.stage, version: row.version }, audit };
  },
  after({ id }) {
    revalidatePath("/pipeline");
    revalidatePath(`/projects/${id}`);
  },
});
