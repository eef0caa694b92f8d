import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { enterprises, exchangeRates } from "@/db/schema";

/** A small valid PDF header and a PNG signature, enough for the magic-byte check. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

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
