import { z } from "zod";
import { optionalText, requiredText, uuidParam } from "@/lib/validation";

// Phone numbers are typed every way (+86 138-0000-0001, (0711) 0000 123, 分机 12): digits and
// the usual separators, at least five digits.
const PHONE = /^[+\d\s().\-/#*xX分机转ext]+$/u;

// Zod messages must be "validation.*" keys (lib/action-core.ts); the form's hints say what is expected.
const fields = {
  name: requiredText(100),
  title: optionalText(100),
  phone: optionalText(50).refine((v) => v === undefined || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5), {
    error: "validation.invalid",
  }),
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.email({ error: "validation.invalid" }).max(200, { error: "validation.tooLong" }).optional(),
  ),
  wechat: optionalText(100),
  language: optionalText(50),
  notes: optionalText(2000),
};

const version = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" });

export const addContactInput = z.object({ enterpriseId: uuidParam, ...fields });
export const updateContactInput = z.object({ id: uuidParam, version, ...fields });
export const removeContactInput = z.object({ id: uuidParam, version });

export type ContactInput = z.output<typeof addContactInput>;
