import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { enterprises, exchangeRates } from "@/db/schema";

/** Small evidence files that pass the structure check: a PDF with its end marker, a 1×1 PNG and a 1×1 JPEG. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
export const PNG_BYTES = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==", "base64"),
);
export const JPEG_BYTES = Uint8Array.from(
  Buffer.from(
    "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAAD//Z",
    "base64",
  ),
);

export const pdfFile = (name = "licence.pdf") => new File([PDF_BYTES], name, { type: "application/pdf" });

export async function makeEnterprise(db: Db, teamId: string | null = null) {
  const [row] = await db
    .insert(enterprises)
    .values({ nameZh: `测试企业${randomBytes(3).toString("hex")}`, teamId })
    .returning();
  return row!;
}

export async function makeRate(db: Db, currency: string, rateToCny: string, validFrom = "2020-01-01") {
  await db.insert(exchangeRates).values({ currency, rateToCny, validFrom });
}
