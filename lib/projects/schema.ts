import { z } from "zod";
import { PROJECT_STATUSES, STAGES } from "@/db/enums";
import { chosenFile } from "@/lib/evidence/limits";
import { amountText, amountUnit, currencyField } from "@/lib/money-fields";
import { checkbox, optionalId, optionalText, requiredText, uuidParam, versionField } from "@/lib/validation";
import { INITIAL_STAGES } from "./stages";

const optionalCount = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }).max(10_000_000, { error: "validation.invalid" }).optional(),
);

const optionalMu = z.preprocess(
  (v) => (typeof v === "string" ? v.replaceAll(",", "").trim() || undefined : v),
  z.string({ error: "validation.invalid" }).regex(/^\d{1,10}(?:\.\d{1,2})?$/, { error: "validation.invalid" }).optional(),
);

/** An optional uploaded file; the browser sends an empty File when none was chosen. */
export const evidenceField = z.preprocess((v) => chosenFile(v), z.instanceof(File, { error: "validation.invalid" }).optional());

const optionalDay = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "validation.invalid" }).optional());

/**
 * What a signing means, asked when a move first reaches 签约: the day, and the amount in the
 * project's currency typed in 元/万元/亿元. Whether they are needed depends on the project, so the
 * action checks presence (lib/projects/signing.ts); here only their form.
 */
const signingFields = {
  signedOn: optionalDay,
  signedAmount: amountText,
  signedUnit: amountUnit,
};

const projectFields = {
  name: requiredText(200),
  chainNodeId: optionalId,
  plannedAmount: amountText,
  plannedUnit: amountUnit,
  currency: currencyField,
  expectedJobs: optionalCount,
  landMu: optionalMu,
  ownerId: optionalId,
  teamId: optionalId,
  sourceEventId: optionalId,
  sourceDelegationId: optionalId,
  confidential: checkbox,
  description: optionalText(4000),
};

export const createProjectInput = z.object({
  enterpriseId: uuidParam,
  stage: z.preprocess((v) => (v === "" || v === undefined ? "lead" : v), z.enum(INITIAL_STAGES as [string, ...string[]], { error: "validation.invalid" })),
  // A project created at 签约 records its signing: this day, and the planned amount as the signed one.
  signedOn: optionalDay,
  ...projectFields,
});

export const updateProjectInput = z
  .object({
    id: uuidParam,
    version: versionField,
    status: z.enum(PROJECT_STATUSES, { error: "validation.invalid" }),
    lostReason: optionalText(1000),
    ...projectFields,
  })
  .refine((v) => v.status !== "lost" || v.lostReason, { path: ["lostReason"], error: "validation.required" });

export const moveStageInput = z.object({
  id: uuidParam,
  version: versionField,
  toStage: z.enum(STAGES, { error: "validation.invalid" }),
  reason: optionalText(1000),
  evidence: evidenceField,
  ...signingFields,
});

export const setStatusInput = z
  .object({
    id: uuidParam,
    version: versionField,
    status: z.enum(PROJECT_STATUSES, { error: "validation.invalid" }),
    reason: optionalText(1000),
  })
  .refine((v) => v.status !== "lost" || v.reason, { path: ["reason"], error: "validation.required" });

export const decideStageRequestInput = z
  .object({
    requestId: uuidParam,
    decision: z.enum(["approve", "reject"], { error: "validation.invalid" }),
    note: optionalText(1000),
    evidence: evidenceField,
    // Used only when the request itself carries no signing and approving it passes 签约.
    ...signingFields,
  })
  .refine((v) => v.decision !== "reject" || v.note, { path: ["note"], error: "validation.required" });

const trancheFields = {
  receivedOn: z.iso.date({ error: "validation.invalid" }),
  amount: z.preprocess((v) => (v === undefined ? "" : v), amountText.pipe(z.string({ error: "validation.required" }))),
  unit: amountUnit,
  currency: currencyField,
  note: optionalText(500),
};

export const addTrancheInput = z.object({ projectId: uuidParam, ...trancheFields });

/** A correction replaces the day, amount, currency and note; why it was needed goes to the audit log. */
export const updateTrancheInput = z.object({ id: uuidParam, version: versionField, ...trancheFields, reason: requiredText(1000) });

export const deleteTrancheInput = z.object({ id: uuidParam, version: versionField, reason: requiredText(1000) });

export type ProjectFieldsInput = z.output<typeof createProjectInput>;
