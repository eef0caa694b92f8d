import type { EvidenceType } from "./limits";

const PDF_HEAD = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
/** Where a PDF's last end-of-file marker may be: PDF readers look for it in the last 1024 bytes. */
const PDF_TAIL = 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SOI = [0xff, 0xd8, 0xff];
const JPEG_EOI = [0xff, 0xd9];

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

function contains(bytes: Uint8Array, sig: number[]): boolean {
  for (let i = 0; i + sig.length <= bytes.length; i++) if (startsWith(bytes, sig, i)) return true;
  return false;
}

/** `%PDF-` first, and an `%%EOF` marker in the last 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, PDF_HEAD) && contains(bytes.subarray(Math.max(PDF_HEAD.length, bytes.length - PDF_TAIL)), PDF_EOF);
}

/** The signature, IHDR (13 bytes) as the first chunk, whole chunks after it, and IEND ending the file. */
function isPng(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, PNG_SIGNATURE)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeAt = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  let at = PNG_SIGNATURE.length;
  // Each chunk: length (4), type (4), data (length), CRC (4).
  for (let first = true; at + 12 <= bytes.length; first = false) {
    const length = view.getUint32(at);
    const type = typeAt(at + 4);
    if (first && (type !== "IHDR" || length !== 13)) return false;
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    if (type === "IEND") return length === 0 && end === bytes.length;
    at = end;
  }
  return false;
}

/** Start-of-image then a marker, and end-of-image as the last two bytes. */
function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= JPEG_SOI.length + JPEG_EOI.length && startsWith(bytes, JPEG_SOI) && startsWith(bytes, JPEG_EOI, bytes.length - JPEG_EOI.length);
}

const CHECKS: [EvidenceType, (bytes: Uint8Array) => boolean][] = [
  ["application/pdf", isPdf],
  ["image/jpeg", isJpeg],
  ["image/png", isPng],
];

/**
 * The file's real type from its structure: how it begins and how it ends, so a renamed file, a
 * cut-off upload or another document behind a borrowed header is refused. The name and the
 * browser's MIME claim prove nothing.
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  for (const [type, check] of CHECKS) if (check(bytes)) return type;
  return null;
}
