import { z } from "zod";
import { FOLLOW_UP_KINDS } from "@/db/enums";
import { optionalId, optionalText, requiredText, uuidParam, versionField } from "@/lib/validation";

const day = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "validation.required" }));

export const createFollowUpInput = z.object({
  enterpriseId: uuidParam,
  projectId: optionalId,
  visitId: optionalId,
  kind: z.preprocess((v) => (v === "" || v === undefined ? "other" : v), z.enum(FOLLOW_UP_KINDS, { error: "validation.invalid" })),
  title: requiredText(300),
  dueOn: day,
  assigneeId: optionalId,
});

const existing = { id: uuidParam, version: versionField };

export const completeFollowUpInput = z.object({ ...existing, outcome: requiredText(2000) });
export const rescheduleFollowUpInput = z.object({ ...existing, dueOn: day });
export const reassignFollowUpInput = z.object({ ...existing, assigneeId: uuidParam });
export const cancelFollowUpInput = z.object({ ...existing, outcome: optionalText(2000) });
