import { z } from "zod";
import { chosenFile } from "@/lib/evidence/limits";
import { uuidParam, versionField } from "@/lib/validation";
import { ATTACHMENT_RECORD_TYPES } from "./kinds";

export const addAttachmentInput = z.object({
  recordType: z.enum(ATTACHMENT_RECORD_TYPES, { error: "validation.invalid" }),
  recordId: uuidParam,
  file: z.preprocess((v) => chosenFile(v), z.instanceof(File, { error: "validation.required" })),
});

export const removeAttachmentInput = z.object({ id: uuidParam, version: versionField });
