// The contact form's fields and values; the browser imports this, not the schemas.

/** The fields the contact form edits, in form order. */
export const CONTACT_FORM_FIELDS = ["name", "title", "phone", "email", "wechat", "language", "notes"] as const;
export type ContactFormField = (typeof CONTACT_FORM_FIELDS)[number];
export type ContactFormValues = Record<ContactFormField, string>;

export function contactFormValues(row: { [K in ContactFormField]: K extends "name" ? string : string | null }): ContactFormValues {
  return Object.fromEntries(CONTACT_FORM_FIELDS.map((f) => [f, row[f] ?? ""])) as ContactFormValues;
}
