import { z } from "zod";
import { AMOUNT_PATTERN, CURRENCIES } from "@/lib/money";

// The form fields for amounts, apart from lib/money.ts so that the browser, which formats and
// converts amounts, does not load the validation library.

/** The form field: an amount as typed, validated by pattern only (never parsed to a float). */
export const amountText = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z.string({ error: "validation.invalid" }).regex(AMOUNT_PATTERN, { error: "validation.invalid" }).max(30, { error: "validation.tooLong" }).optional(),
);

export const amountUnit = z.preprocess((v) => (v === "" || v === undefined ? "yuan" : v), z.enum(["yuan", "wan", "yi"], { error: "validation.invalid" }));

export const currencyField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() ? v.trim().toUpperCase() : "CNY"),
  z.enum(CURRENCIES, { error: "validation.invalid" }),
);
