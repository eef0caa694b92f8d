import type { EvidenceType } from "./limits";

const SIGNATURES: [EvidenceType, number[]][] = [
  ["application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The file's real type from its first bytes; the name and the browser's MIME claim prove nothing. */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | null {
  for (const [type, sig] of SIGNATURES) {
    if (head.length >= sig.length && sig.every((b, i) => head[i] === b)) return type;
  }
  return null;
}
