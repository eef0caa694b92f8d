import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { FieldError } from "@/lib/errors";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type EvidenceType } from "./limits";
import { sniffEvidenceType } from "./sniff";

/** Where evidence files live: outside the database, named by random id only. */
export function evidenceDir(): string {
  // Evidence lives outside the build: keep the bundler from tracing this path.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EVIDENCE_DIR || path.join(process.cwd(), ".data", "evidence"));
}

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

/** Writes the file under a fresh random id; returns that id (with the extension of its real type). */
export async function storeEvidence(evidence: CheckedEvidence): Promise<string> {
  const dir = evidenceDir();
  await mkdir(dir, { recursive: true });
  const key = `${randomUUID()}.${EVIDENCE_TYPES[evidence.type]}`;
  await writeFile(path.join(/*turbopackIgnore: true*/ dir, key), evidence.bytes, { flag: "wx" });
  return key;
}

const KEY = /^[0-9a-f-]{36}\.(pdf|jpg|png)$/;

export async function readEvidence(key: string): Promise<Buffer | null> {
  if (!KEY.test(key)) return null;
  try {
    return await readFile(path.join(/*turbopackIgnore: true*/ evidenceDir(), key));
  } catch {
    return null;
  }
}

/** Removes a file whose row was never committed. */
export async function discardEvidence(key: string): Promise<void> {
  if (KEY.test(key)) await unlink(path.join(/*turbopackIgnore: true*/ evidenceDir(), key)).catch(() => {});
}
