import { z } from "zod";
import { addContactInput } from "@/lib/contacts/schema";
import { countryCode } from "./country";
import type { ImportField, ImportValues } from "./fields";
import { duplicateKeys, type RowError } from "./report";
import { nameKeysOf } from "../name-key";
import { type EnterpriseInput, enterpriseInput } from "../schema";

// The first contact of an imported enterprise (the attendee the list is about), checked by
// the contact form's own rules; a row with contact details but no contact name is refused.
const contactInput = addContactInput.omit({ enterpriseId: true });

export type ContactInput = z.output<typeof contactInput>;

export type ValidatedRow =
  | { ok: true; enterprise: EnterpriseInput; contact: ContactInput | null; keys: string[] }
  | { ok: false; errors: RowError[] };

const CONTACT_FIELDS: Record<string, ImportField> = { name: "contactName", title: "contactTitle", phone: "contactPhone", email: "contactEmail" };

/** zod issue → catalogue key, as the action wrapper does for forms. */
function issueKey(issue: z.core.$ZodIssue): string {
  // Schemas carry catalogue keys as messages ("validation.url", "enterpriseContacts.validation.phone").
  if (/^[a-zA-Z]+\.[\w.]+$/.test(issue.message)) return issue.message;
  return issue.code === "too_big" ? "validation.tooLong" : "validation.invalid";
}

/** "www.byd.com" in a list means https://www.byd.com; anything else is left for the URL rule to judge. */
function website(value: string | undefined) {
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(value) ? `https://${value}` : value;
}

/**
 * One row checked by the same rules as the create form (lib/enterprises/schema.ts), after
 * the forgiving conversions a spreadsheet needs: country names to codes, bare domains to URLs.
 */
export function validateImportRow(values: ImportValues): ValidatedRow {
  const enterprise = enterpriseInput.safeParse({
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    aliases: values.aliases,
    creditCode: values.creditCode,
    country: values.country ? countryCode(values.country) : undefined,
    province: values.province,
    city: values.city,
    website: website(values.website),
    description: values.description,
  });
  const hasContact = Boolean(values.contactName || values.contactTitle || values.contactPhone || values.contactEmail);
  const contact = hasContact
    ? contactInput.safeParse({ name: values.contactName, title: values.contactTitle, phone: values.contactPhone, email: values.contactEmail })
    : null;
  const errors: RowError[] = [];
  for (const issue of enterprise.error?.issues ?? []) {
    errors.push({ field: (issue.path[0] as ImportField | undefined) ?? "nameZh", message: issueKey(issue) });
  }
  for (const issue of contact?.error?.issues ?? []) {
    errors.push({ field: CONTACT_FIELDS[String(issue.path[0])] ?? "contactName", message: issueKey(issue) });
  }
  if (!enterprise.success || (contact && !contact.success)) return { ok: false, errors };
  const e = enterprise.data;
  return {
    ok: true,
    enterprise: e,
    contact: contact?.data ?? null,
    // Every name: an earlier row or a record in Landfall under any of them is the same company.
    keys: duplicateKeys(e.creditCode, nameKeysOf(e)),
  };
}

/** The name a report shows for a row, whatever state it is in. */
export function rowName(values: ImportValues): string {
  return (values.nameZh?.trim() || values.nameEn?.trim() || "").slice(0, 200);
}
