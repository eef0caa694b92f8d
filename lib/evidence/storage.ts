import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { FieldError } from "@/lib/errors";
import { EVIDENCE_MAX_BYTES, type EvidenceType } from "./limits";
import { sniffEvidenceType } from "./sniff";

// Evidence files are rows of evidence_files, one per stage change, so every app instance serves
// every file and a backup of the database holds them all. (scripts/app/evidence-import.ts brings
// in the folder earlier releases kept them in.)

export interface CheckedEvidence {
  bytes: Uint8Array;
  type: EvidenceType;
  name: string;
  size: number;
}

/**
 * Checks an uploaded file before anything is written: size first (cheap), then its structure
 * (how a PDF, JPEG or PNG begins and ends). Refusals are field errors on `field`, so the message
 * appears next to the file input.
 */
export async function checkEvidence(file: File, field = "evidence"): Promise<CheckedEvidence> {
  if (file.size === 0) throw new FieldError(field, "projectRules.evidenceEmpty");
  if (file.size > EVIDENCE_MAX_BYTES) throw new FieldError(field, "projectRules.evidenceTooLarge");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffEvidenceType(bytes);
  if (!type) throw new FieldError(field, "projectRules.evidenceType");
  // Keep only a display name for the stage history; it is never used as a path or a download name.
  const name = (file.name || "evidence").replace(/[\\/\u0000-\u001f]/g, "_").slice(-200);
  return { bytes, type, name, size: bytes.byteLength };
}

/**
 * Keeps the file of a stage change, in the transaction that records the change: a move that rolls
 * back leaves no file. A change has one file; a second (a manager approving a request with a file
 * of their own) replaces the first.
 */
export async function storeEvidence(tx: Db | Tx, stageChangeId: string, evidence: Pick<CheckedEvidence, "bytes" | "type">): Promise<void> {
  const file = {
    contentType: evidence.type,
    size: evidence.bytes.byteLength,
    sha256: createHash("sha256").update(evidence.bytes).digest("hex"),
    content: evidence.bytes,
  };
  await tx
    .insert(evidenceFiles)
    .values({ stageChangeId, ...file })
    .onConflictDoUpdate({ target: evidenceFiles.stageChangeId, set: { ...file, createdAt: sql`now()` } });
}
