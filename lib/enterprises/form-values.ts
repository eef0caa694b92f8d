import type { Enterprise } from "@/db/schema";

/** The fields the enterprise form edits, in form order. */
export const ENTERPRISE_FORM_FIELDS = [
  "nameZh",
  "nameEn",
  "aliases",
  "creditCode",
  "country",
  "province",
  "city",
  "size",
  "ownership",
  "website",
  "description",
] as const;

export type EnterpriseFormField = (typeof ENTERPRISE_FORM_FIELDS)[number];

/** What the form shows: strings, "" for not set. Plain data, so it can cross to the browser. */
export type EnterpriseFormValues = Record<EnterpriseFormField, string>;

export const EMPTY_ENTERPRISE_FORM: EnterpriseFormValues = {
  nameZh: "",
  nameEn: "",
  aliases: "",
  creditCode: "",
  country: "CN",
  province: "",
  city: "",
  size: "",
  ownership: "",
  website: "",
  description: "",
};

export function enterpriseFormValues(row: Pick<Enterprise, EnterpriseFormField>): EnterpriseFormValues {
  const out = { ...EMPTY_ENTERPRISE_FORM };
  for (const field of ENTERPRISE_FORM_FIELDS) {
    const value = row[field];
    // Aliases are edited one per line.
    out[field] = Array.isArray(value) ? value.join("\n") : (value ?? "");
  }
  return out;
}

/** The version a conflict reports: the values someone else saved, and who and when. */
export interface SavedVersion<V> {
  values: V;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}
