"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RecordForm } from "@/components/ui/record-form";
import { SelectField } from "@/components/ui/select-field";
import type { FormValue } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/enums";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import type { DuplicateCandidate } from "@/lib/enterprises/duplicates";
import { EMPTY_ENTERPRISE_FORM, ENTERPRISE_FORM_FIELDS, type EnterpriseFormField, type EnterpriseFormValues } from "@/lib/enterprises/form-values";
import { COUNTRIES } from "@/lib/enterprises/countries";
import { countryName } from "@/lib/i18n/display";
import { SimilarNamesPanel } from "./enterprise-form-similar";

export type EnterpriseFormProps = { mode?: "create" } | { mode: "edit"; id: string; version: number; values: EnterpriseFormValues };

/**
 * Creates an enterprise, or edits one over the version it was loaded at. Inputs are uncontrolled
 * and keep what was typed through every refusal; the form is re-mounted (new key) only when the
 * user chooses to load someone else's saved version.
 */
export function EnterpriseForm(props: EnterpriseFormProps) {
  const edit = props.mode === "edit" ? props : null;
  const t = useTranslations("enterprises");
  const tf = useTranslations("enterpriseForm");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [similar, setSimilar] = useState<DuplicateCandidate[] | null>(null);
  const form = useActionForm({
    // The submitter carries confirmSimilar=1 when it is the "save anyway" button.
    action: (data: FormData) => (edit ? updateEnterprise(data) : createEnterprise(data)),
    success: edit ? tf("saved") : t("created"),
    open: (data) => `/enterprises/${data.id}`,
    edit,
    onRefused: (result) => {
      const candidates = (result.details as { similar?: DuplicateCandidate[] } | undefined)?.similar;
      setSimilar(candidates?.length ? candidates : null);
    },
  });
  const { panelRef, errors, notice, pending } = form;
  const defaults = form.defaults ?? EMPTY_ENTERPRISE_FORM;

  function onNameChange() {
    // The warning was about the names as they were; a new name gets its own check.
    if (similar) setSimilar(null);
  }

  const label = (field: EnterpriseFormField) => t(`fields.${field}`);
  const shown = (field: EnterpriseFormField, set: FormValue) => {
    const value = String(set);
    if (field === "country") return countryName(value, locale);
    if (field === "aliases") return value.split("\n").join(locale === "en" ? ", " : "、");
    if (field === "size") return t(`sizes.${value as (typeof ENTERPRISE_SIZES)[number]}`);
    if (field === "ownership") return t(`ownerships.${value as (typeof OWNERSHIPS)[number]}`);
    return value;
  };

  return (
    <RecordForm
      form={form}
      recordId={edit?.id}
      cancel={{ label: tc("cancel"), href: edit ? `/enterprises/${edit.id}` : "/enterprises" }}
      submit={edit ? tc("saveChanges") : t("create")}
      saving={tc("saving")}
    >
      {/* Similar names explain themselves in their panel. */}
      <FormMessage notice={similar ? null : notice} />
      <ConflictPanel form={form} title={tf("conflict.title")} label={label} shown={shown} fields={ENTERPRISE_FORM_FIELDS} />
      {similar ? <SimilarNamesPanel ref={panelRef} candidates={similar} pending={pending} /> : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="nameZh" label={label("nameZh")} errors={errors.nameZh}>
          {(p) => <input {...p} type="text" autoComplete="off" lang="zh-CN" defaultValue={defaults.nameZh} onChange={onNameChange} />}
        </Field>
        <Field name="nameEn" label={label("nameEn")} errors={errors.nameEn}>
          {(p) => <input {...p} type="text" autoComplete="off" lang="en" defaultValue={defaults.nameEn} onChange={onNameChange} />}
        </Field>
      </div>
      <Field name="aliases" label={label("aliases")} hint={t("fields.aliasesHint")} errors={errors.aliases}>
        {(p) => <textarea {...p} rows={2} autoComplete="off" defaultValue={defaults.aliases} onChange={onNameChange} />}
      </Field>
      <Field name="creditCode" label={label("creditCode")} hint={t("fields.creditCodeHint")} errors={errors.creditCode}>
        {(p) => (
          <input {...p} type="text" autoComplete="off" spellCheck={false} maxLength={24} defaultValue={defaults.creditCode} className={`${p.className} font-mono uppercase`} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="country" label={label("country")} errors={errors.country}>
          {(p) => (
            <select {...p} defaultValue={defaults.country || "CN"}>
              {/* A code saved by an import may not be in the offered list; keep it selectable. */}
              {[...COUNTRIES, ...(COUNTRIES.includes(defaults.country as never) || !defaults.country ? [] : [defaults.country])].map((code) => (
                // Node's and the browser's ICU name some regions differently ("Hong Kong SAR China"
                // vs "Hong Kong"); a mismatch would make React re-render the page and drop
                // anything typed before hydration.
                <option key={code} value={code} suppressHydrationWarning>
                  {countryName(code, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="province" label={label("province")} errors={errors.province}>
          {(p) => <input {...p} type="text" defaultValue={defaults.province} />}
        </Field>
        <Field name="city" label={label("city")} errors={errors.city}>
          {(p) => <input {...p} type="text" defaultValue={defaults.city} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="size"
          label={label("size")}
          errors={errors.size}
          defaultValue={defaults.size}
          none={tc("notSet")}
          options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
        />
        <SelectField
          name="ownership"
          label={label("ownership")}
          errors={errors.ownership}
          defaultValue={defaults.ownership}
          none={tc("notSet")}
          options={OWNERSHIPS.map((o) => ({ value: o, label: t(`ownerships.${o}`) }))}
        />
      </div>
      <Field name="website" label={label("website")} errors={errors.website}>
        {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" defaultValue={defaults.website} />}
      </Field>
      <Field name="description" label={label("description")} errors={errors.description}>
        {(p) => <textarea {...p} rows={4} defaultValue={defaults.description} />}
      </Field>
    </RecordForm>
  );
}
