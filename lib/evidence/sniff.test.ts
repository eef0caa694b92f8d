import { describe, expect, it } from "vitest";
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from "@/test/support/project-fixtures";
import { sniffEvidenceType } from "./sniff";

const text = (s: string) => new TextEncoder().encode(s);
function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe("evidence is judged by its structure", () => {
  it("accepts a minimal PDF, PNG and JPEG", () => {
    expect(sniffEvidenceType(PDF_BYTES)).toBe("application/pdf");
    expect(sniffEvidenceType(PNG_BYTES)).toBe("image/png");
    expect(sniffEvidenceType(JPEG_BYTES)).toBe("image/jpeg");
  });

  it("accepts a PDF whose end marker is followed by a little trailing text, and a long PDF", () => {
    expect(sniffEvidenceType(join(PDF_BYTES, text("\r\n  \n")))).toBe("application/pdf");
    expect(sniffEvidenceType(join(text("%PDF-1.7\n"), new Uint8Array(200_000).fill(0x20), text("\n%%EOF")))).toBe("application/pdf");
  });

  it("refuses a PDF cut off before its end marker, or whose marker is not near the end", () => {
    expect(sniffEvidenceType(PDF_BYTES.subarray(0, PDF_BYTES.length - 7))).toBeNull();
    expect(sniffEvidenceType(join(PDF_BYTES, new Uint8Array(2048).fill(0x20)))).toBeNull();
    expect(sniffEvidenceType(text("%PDF-"))).toBeNull();
  });

  it("refuses an HTML page behind a borrowed PDF header", () => {
    expect(sniffEvidenceType(text("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"))).toBeNull();
  });

  it("refuses a PNG without its IEND chunk, with bytes after it, or without IHDR first", () => {
    expect(sniffEvidenceType(PNG_BYTES.subarray(0, PNG_BYTES.length - 12))).toBeNull();
    expect(sniffEvidenceType(PNG_BYTES.subarray(0, PNG_BYTES.length - 1))).toBeNull();
    expect(sniffEvidenceType(join(PNG_BYTES, text("<html>")))).toBeNull();
    // IHDR claiming 14 bytes instead of 13.
    const wrongLength = PNG_BYTES.slice();
    wrongLength[11] = 14;
    expect(sniffEvidenceType(wrongLength)).toBeNull();
    // The signature alone, as a fake would carry it.
    expect(sniffEvidenceType(PNG_BYTES.subarray(0, 12))).toBeNull();
  });

  it("refuses a JPEG without its end-of-image marker", () => {
    expect(sniffEvidenceType(JPEG_BYTES.subarray(0, JPEG_BYTES.length - 2))).toBeNull();
    expect(sniffEvidenceType(join(JPEG_BYTES, new Uint8Array([0])))).toBeNull();
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
  });

  it("refuses what is none of them, whatever it is called", () => {
    expect(sniffEvidenceType(text("MZ\x90\x00 not a pdf"))).toBeNull();
    expect(sniffEvidenceType(new Uint8Array())).toBeNull();
  });
});
