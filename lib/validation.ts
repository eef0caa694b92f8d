import { z } from "zod";

// Field messages are catalogue keys ("validation.*"); the action wrapper translates them.

/** Trimmed text; empty input becomes undefined so optional fields stay null. */
export const optionalText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.string({ error: "validation.invalid" }).max(max, { error: "validation.tooLong" }).optional(),
  );

export const requiredText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "validation.required" })
      .min(1, { error: "validation.required" })
      .max(max, { error: "validation.tooLong" }),
  );

/** A select whose empty option means "not set". */
export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: "validation.invalid" }).optional());

export const uuidParam = z.uuid({ error: "validation.invalid" });
