/** Largest evidence file accepted, in bytes. next.config.ts allows action bodies a little above it. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** What evidence may be: scans (PDF) and photos (JPEG, PNG). Shared by the file picker and the server. */
export const EVIDENCE_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** The optional file field of a form: a browser sends an empty, nameless File when nothing was chosen. */
export function chosenFile(value: unknown): File | undefined {
  return typeof File !== "undefined" && value instanceof File && (value.size > 0 || value.name) ? value : undefined;
}
