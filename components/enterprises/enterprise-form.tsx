"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/enums";
import type { ActionResult } from "@/lib/action-core";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import type { DuplicateCandidate } from "@/lib/enterprises/duplicates";
import {
  EMPTY_ENTERPRISE_FORM,
  ENTERPRISE_FORM_FIELDS,
  type EnterpriseFormField,
  type EnterpriseFormValues,
  type SavedVersion,
} from "@/lib/enterprises/form-values";
import { COUNTRIES } from "@/lib/enterprises/countries";
import { countryName } from "@/lib/i18n/display";
import { ConflictPanel, differingFields, readFields, replayEdits } from "./conflict-panel";
import { SimilarNamesPanel } from "./enterprise-form-similar";

type Errors = Record<string, string[] | undefined>;
type Notice = { tone: "error" | "info"; text: string } | null;
interface Conflict {
  saved: SavedVersion<EnterpriseFormValues>;
  typed: EnterpriseFormValues;
}

export type EnterpriseFormProps = { mode?: "create" } | { mode: "edit"; id: string; version: number; values: EnterpriseFormValues };

function detailsOf(result: ActionResult<unknown>) {
  const details = result.ok ? undefined : (result.details as { current?: SavedVersion<EnterpriseFormValues>; similar?: DuplicateCandidate[] } | undefined);
  return { current: details?.current, similar: details?.similar };
}

/**
 * Creates an enterprise, or edits one over the version it was loaded at. Inputs are uncontrolled
 * and keep what was typed through every refusal; the form is re-mounted (new key) only when the
 * user chooses to load someone else's saved version.
 */
export function EnterpriseForm(props: EnterpriseFormProps) {
  const edit = props.mode === "edit" ? props : null;
  const t = useTranslations("enterprises");
  const tf = useTranslations("enterpriseForm");
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // `loaded` is the version the typed edits started from; `defaults` what the inputs start with.
  const [loaded, setLoaded] = useState<EnterpriseFormValues>(edit?.values ?? EMPTY_ENTERPRISE_FORM);
  const [defaults, setDefaults] = useState<EnterpriseFormValues>(loaded);
  const [version, setVersion] = useState(edit?.version ?? 0);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [similar, setSimilar] = useState<DuplicateCandidate[] | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (conflict || similar) panelRef.current?.focus();
  }, [conflict, similar]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Calling the action ourselves (not via <form action>) keeps every typed value on error.
    // The submitter carries confirmSimilar=1 when it is the "save anyway" button.
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const result = edit ? await updateEnterprise(data) : await createEnterprise(data);
      if (result.ok) {
        toast.success(edit ? tf("saved") : t("created"));
        router.push(`/enterprises/${result.data.id}`);
        return;
      }
      const { current, similar: candidates } = detailsOf(result);
      setConflict(current ? { saved: current, typed: readFields(ENTERPRISE_FORM_FIELDS, data) } : null);
      setSimilar(candidates?.length ? candidates : null);
      setErrors(result.fieldErrors ?? {});
      setNotice(current || candidates?.length ? null : { tone: "error", text: result.message });
      const firstInvalid = Object.keys(result.fieldErrors ?? {})[0];
      if (!current && !candidates?.length && firstInvalid) {
        formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      }
    });
  }

  /** Starts over from a saved version: the inputs show `values`, the next save is checked against it. */
  function restart(saved: SavedVersion<EnterpriseFormValues>, values: EnterpriseFormValues, text: string) {
    setLoaded(saved.values);
    setDefaults(values);
    setVersion(saved.version);
    setConflict(null);
    setErrors({});
    setNotice({ tone: "info", text });
    setFormKey((k) => k + 1);
  }

  function onNameChange() {
    // The warning was about the names as they were; a new name gets its own check.
    if (similar) setSimilar(null);
  }

  const label = (field: EnterpriseFormField) => t(`fields.${field}`);
  const shown = (field: EnterpriseFormField, value: string) => {
    if (!value.trim()) return t("fields.notSet");
    if (field === "country") return countryName(value, locale);
    if (field === "aliases") return value.split("\n").join(locale === "en" ? ", " : "、");
    if (field === "size") return t(`sizes.${value as (typeof ENTERPRISE_SIZES)[number]}`);
    if (field === "ownership") return t(`ownerships.${value as (typeof OWNERSHIPS)[number]}`);
    return value;
  };

  return (
    <form key={formKey} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      {notice ? (
        <p
          role="status"
          className={`rounded-md border px-3 py-2 text-sm ${notice.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}
        >
          {notice.text}
        </p>
      ) : null}
      {conflict ? (
        <ConflictPanel
          ref={panelRef}
          updatedBy={conflict.saved.updatedBy}
          updatedAt={conflict.saved.updatedAt}
          rows={differingFields(ENTERPRISE_FORM_FIELDS, conflict.saved.values, conflict.typed).map((f) => ({
            field: f,
            label: label(f),
            theirs: shown(f, conflict.saved.values[f]),
            yours: shown(f, conflict.typed[f]),
          }))}
          onUseTheirs={() => restart(conflict.saved, conflict.saved.values, tf("conflict.reloaded"))}
          onKeepMine={() =>
            restart(conflict.saved, replayEdits(ENTERPRISE_FORM_FIELDS, loaded, conflict.saved.values, conflict.typed), tf("conflict.replayed"))
          }
        />
      ) : null}
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
        <Field name="size" label={label("size")} errors={errors.size}>
          {(p) => (
            <select {...p} defaultValue={defaults.size}>
              <option value="">{t("fields.notSet")}</option>
              {ENTERPRISE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {t(`sizes.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="ownership" label={label("ownership")} errors={errors.ownership}>
          {(p) => (
            <select {...p} defaultValue={defaults.ownership}>
              <option value="">{t("fields.notSet")}</option>
              {OWNERSHIPS.map((o) => (
                <option key={o} value={o}>
                  {t(`ownerships.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="website" label={label("website")} errors={errors.website}>
        {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" defaultValue={defaults.website} />}
      </Field>
      <Field name="description" label={label("description")} errors={errors.description}>
        {(p) => <textarea {...p} rows={4} defaultValue={defaults.description} />}
      </Field>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={edit ? `/enterprises/${edit.id}` : "/enterprises"} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("creating") : edit ? tf("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
