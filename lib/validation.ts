import { z } from "zod";

// Field messages are catalogue keys ("validation.*"); the action wrapper translates them.

/**
 * Characters no one types into a form: C0 controls other than tab and line breaks, DEL, and the
 * bidirectional embedding, override and isolate marks that make stored text display in an order
 * other than the one it was saved in. PostgreSQL refuses NUL outright; the rest would be stored
 * and shown to other users.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** True when the text holds none of the refused control characters. */
export const isPlainText = (s: string) => !CONTROL_CHARACTERS.test(s);

const CONTROL_CHARACTERS_ALL = new RegExp(CONTROL_CHARACTERS.source, "g");

/** The text without those characters: for search boxes and links, which drop what they cannot use. */
export const stripControlCharacters = (s: string) => s.replace(CONTROL_CHARACTERS_ALL, "");

/** A string of at most `max` characters without control characters. */
export const plainString = (max: number, missing = "validation.invalid") =>
  z
    .string({ error: missing })
    .max(max, { error: "validation.tooLong" })
    .refine(isPlainText, { error: "validation.controlCharacters" });

/** Trimmed text; empty input becomes undefined so optional fields stay null. */
export const optionalText = (max = 500) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), plainString(max).optional());

export const requiredText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "validation.required" })
      .min(1, { error: "validation.required" })
      .max(max, { error: "validation.tooLong" })
      .refine(isPlainText, { error: "validation.controlCharacters" }),
  );

// Phone numbers are typed every way (+86 138-0000-0001, (0711) 0000 123, 分机 12, +49 731 123 45-0):
// digits and the usual separators, at least five digits.
const PHONE = /^[+\d\s().\-/#*xX分机转ext]+$/u;

/** An optional phone number of at most `max` characters, in the permissive pattern above. */
export const optionalPhone = (max = 50) =>
  optionalText(max).refine((v) => v === undefined || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5), { error: "validation.invalid" });

/** A select whose empty option means "not set". */
export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: "validation.invalid" }).optional());

export const uuidParam = z.uuid({ error: "validation.invalid" });

/** An optional reference to another record: a select or hidden field left empty means none. */
export const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "validation.invalid" }).optional());

/** The version the editor loaded; a stale one is a conflict. */
export const versionField = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" });

/** A checkbox: FormData sends "on" when ticked and nothing when not; JSON callers send a boolean. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
