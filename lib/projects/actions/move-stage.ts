"use server";

import { projects, stageChanges } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import type { FieldErrors } from "@/lib/action-core";
import type { AuditSpec } from "@/lib/audit";
import { checkEvidence, storeEvidence } from "@/lib/evidence/storage";
import { ConflictError, FieldError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { closePendingRequests, lockProject, projectState } from "../records";
import { moveStageInput } from "../schema";
import { readSigning, signingColumns, throwFieldErrors } from "../signing";
import { canVerify, isBackward, needsSigning, needsVerification, stagesPassed, VERIFIED_STAGES } from "../stages";

/**
 * Moves a project to another stage over the version the mover saw. Backward needs a reason.
 * Forward over several stages records each stage entered, one change per step, so every figure
 * built on stage changes counts them. The first move into 签约 or past it records the signing
 * (date and amount). A milestone after signing needs a verifier: a manager of the team (or an
 * admin) moves it with evidence at once; anyone else files one pending request for the whole move
 * and the project stays where it is.
 *
 * Nothing is revalidated after the move: every page that shows a project is rendered per request,
 * the board lays the answer over its query cache and refetches its own data, and the project
 * page's form refreshes itself. A revalidation here would make Next render the calling page again
 * into the action's answer: the whole board, for one card.
 */
export const moveProjectStage = action({
  name: "project.moveStage",
  input: moveStageInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockProject(tx, viewer, input.id),
  async run({ viewer, input, tx, record: project }) {
    if (project.version !== input.version) throw new ConflictError(await projectState(tx, project));
    if (project.stage === input.toStage) throw new FieldError("toStage", "projectRules.sameStage");
    const backward = isBackward(project.stage, input.toStage);
    if (backward && !input.reason) throw new FieldError("reason", "projectRules.backwardReason");

    const verify = needsVerification(project.stage, input.toStage);
    const verifier = verify && canVerify(viewer, project);
    const state = verify && !verifier ? ("pending" as const) : ("applied" as const);
    if (state === "pending") {
      const open = await projectState(tx, project);
      if (open.pendingTo) throw new FieldError("toStage", "projectRules.requestOpen");
    }
    // What the move lacks is reported together: the signing's fields and the evidence.
    const missing: FieldErrors = {};
    const signing = needsSigning(project.stage, input.toStage, project.signedOn !== null)
      ? readSigning({ signedOn: input.signedOn, amount: input.signedAmount, unit: input.signedUnit }, project.currency, { day: "signedOn", amount: "signedAmount" }, missing)
      : null;
    if (verifier && !input.evidence) missing.evidence = ["projectRules.evidenceRequired"];
    throwFieldErrors(missing);
    const evidence = input.evidence ? await checkEvidence(input.evidence) : null;

    // A request is one row for the whole move; an applied forward move is one row per stage entered.
    const steps = state === "applied" && !backward ? stagesPassed(project.stage, input.toStage) : [input.toStage];
    const start = Date.now();
    const at = (i: number) => new Date(start + i);
    const last = at(steps.length - 1);

    const audit: AuditSpec[] = [];
    const closed = state === "applied" ? await closePendingRequests(tx, project.id) : [];
    for (const c of closed) audit.push({ entityType: "stage_change", entityId: c.id, before: { ...c, state: "pending" }, after: c, action: "project.requestWithdrawn" });

    // A request bumps the version too: a second person moving the same card must see a conflict.
    const row = await updateVersioned(
      tx,
      projects,
      project,
      input.version,
      state === "applied" ? { stage: input.toStage, stageChangedAt: last, ...(signing ? signingColumns(signing) : {}) } : {},
      viewer,
    );

    const changes = await tx
      .insert(stageChanges)
      .values(
        steps.map((toStage, i) => {
          const final = i === steps.length - 1;
          const verified = verifier && VERIFIED_STAGES.includes(toStage);
          // The signing sits on the change into 签约, or on the request that will pass it.
          const signs = signing && (state === "pending" || toStage === "signed");
          return {
            projectId: project.id,
            fromStage: i === 0 ? project.stage : steps[i - 1]!,
            toStage,
            state,
            reason: input.reason ?? null,
            changedBy: viewer.id,
            changedAt: at(i),
            verifiedBy: verified ? viewer.id : null,
            verifiedAt: verified ? at(i) : null,
            signedOn: signs ? signing!.signedOn : null,
            signedAmount: signs ? signing!.signedAmount : null,
            signedCurrency: signs ? signing!.signedCurrency : null,
            evidenceName: final ? (evidence?.name ?? null) : null,
            evidenceType: final ? (evidence?.type ?? null) : null,
            evidenceSize: final ? (evidence?.size ?? null) : null,
            createdBy: viewer.id,
            updatedBy: viewer.id,
          };
        }),
      )
      .returning();
    // The file goes with the last change, in this transaction: a move that fails keeps no file.
    if (evidence) await storeEvidence(tx, changes.find((c) => c.toStage === steps.at(-1))!.id, evidence);
    audit.push({ entityType: "project", entityId: project.id, before: project, after: row });
    for (const change of changes) audit.push({ entityType: "stage_change", entityId: change.id, before: null, after: change });
    return {
      data: { id: row.id, stage: row.stage, status: row.status, version: row.version, pendingTo: state === "pending" ? input.toStage : null },
      audit,
    };
  },
});
