import { z } from "zod";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/enums";
import { optionalEnum, optionalText } from "@/lib/validation";
import { aliasesField } from "./aliases";
import { CREDIT_CODE_SHAPE, isValidCreditCode } from "./credit-code";

/** One schema for the form and the action: FormData strings in, clean values out. */
export const enterpriseInput = z
  .object({
    nameZh: optionalText(200),
    nameEn: optionalText(200),
    // 简称 and 曾用名, one per line or comma-separated (lib/enterprises/aliases.ts).
    aliases: aliasesField,
    creditCode: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() || undefined : v),
      z
        .string({ error: "validation.invalid" })
        .regex(CREDIT_CODE_SHAPE, { error: "validation.creditCode", abort: true })
        .refine(isValidCreditCode, { error: "validation.creditCodeCheck" })
        .optional(),
    ),
    country: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() || "CN" : (v ?? "CN")),
      z.string().regex(/^[A-Z]{2}$/, { error: "validation.country" }),
    ),
    province: optionalText(100),
    city: optionalText(100),
    size: optionalEnum(ENTERPRISE_SIZES),
    ownership: optionalEnum(OWNERSHIPS),
    website: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() || undefined : v),
      z.url({ protocol: /^https?$/, error: "validation.url" }).max(300, { error: "validation.tooLong" }).optional(),
    ),
    description: optionalText(4000),
  })
  .refine((v) => v.nameZh || v.nameEn, { path: ["nameZh"], error: "validation.nameRequired" });

export type EnterpriseInput = z.output<typeof enterpriseInput>;
