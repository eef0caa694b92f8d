import { z } from "zod";
import { optionalPhone, optionalText, requiredText, uuidParam } from "@/lib/validation";

// Zod messages must be "validation.*" keys (lib/action-core.ts); the form's hints say what is expected.
const fields = {
  name: requiredText(100),
  title: optionalText(100),
  phone: optionalPhone(50),
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
