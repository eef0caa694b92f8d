import { describe, expect, it } from "vitest";
import { FieldError } from "@/lib/errors";
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from "@/test/support/project-fixtures";
import { t } from "@/test/support/fixtures";
import { checkEvidence } from "./storage";

const file = (bytes: Uint8Array | string, name: string, type: string) => new File([typeof bytes === "string" ? bytes : Uint8Array.from(bytes)], name, { type });

async function refusal(f: File): Promise<string> {
  const error = await checkEvidence(f).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FieldError)) throw new Error("the file was accepted");
  return t(error.fieldErrors!.evidence![0]!);
}

describe("checking an evidence file", () => {
  it("takes a real PDF, PNG and JPEG, whatever they are called, and keeps the name for display only", async () => {
    expect(await checkEvidence(file(PDF_BYTES, "营业执照.pdf", "application/pdf"))).toMatchObject({ type: "application/pdf", name: "营业执照.pdf" });
    expect(await checkEvidence(file(PNG_BYTES, "photo", "application/octet-stream"))).toMatchObject({ type: "image/png" });
    expect(await checkEvidence(file(JPEG_BYTES, "site.jpeg.exe", "image/png"))).toMatchObject({ type: "image/jpeg" });
  });

  it("refuses a broken or disguised file with the message the wrong type gets, at the file field", async () => {
    const wrongType = "Only PDF, JPEG and PNG files are accepted.";
    expect(await refusal(file("%PDF-1.4\n<html><script>alert(1)</script></html>\n", "licence.pdf", "application/pdf"))).toBe(wrongType);
    expect(await refusal(file(PDF_BYTES.subarray(0, 20), "licence.pdf", "application/pdf"))).toBe(wrongType);
    expect(await refusal(file(PNG_BYTES.subarray(0, 40), "photo.png", "image/png"))).toBe(wrongType);
    expect(await refusal(file(JPEG_BYTES.subarray(0, 100), "photo.jpg", "image/jpeg"))).toBe(wrongType);
  });
});
