"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/projects/form-message";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSaveForm } from "@/components/ui/use-save-form";
import { DELEGATION_DIRECTIONS } from "@/db/enums";
import { createDelegation } from "@/lib/delegations/actions/create-delegation";
import { updateDelegation } from "@/lib/delegations/actions/update-delegation";
import type { DelegationFormValues } from "@/lib/delegations/schema";

type Props = { mode: "create" } | { mode: "edit"; id: string; version: number; values: DelegationFormValues };

/** Creates a delegation, or edits one over the version it was loaded at. */
export function DelegationForm(props: Props) {
  const t = useTranslations("delegations.form");
  const dir = useTranslations("delegations.directions");
  const edit = props.mode === "edit" ? props : null;
  const v = edit?.values;

  const { formRef, errors, notice, conflict, pending, onSubmit } = useSaveForm({
    save: (data) => (edit ? updateDelegation(data) : createDelegation(data)),
    pathOf: (id) => `/delegations/${id}`,
    savedMessage: edit ? t("saved") : t("created"),
    conflictMessage: t("conflict"),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <FormMessage text={notice} />
      {conflict && edit ? (
        <a href={`/delegations/${edit.id}/edit`} className="text-sm font-medium text-brand-700 underline">
          {t("reload")}
        </a>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("direction")}</legend>
        <div className="flex flex-wrap gap-4">
          {DELEGATION_DIRECTIONS.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="radio" name="direction" value={d} defaultChecked={(v?.direction ?? "outbound") === d} className="size-4" />
              {dir(d)}
            </label>
          ))}
        </div>
        <p className="text-sm text-red-700" aria-live="polite">
          {errors.direction?.join(" ")}
        </p>
      </fieldset>
      <Field name="name" label={t("name")} errors={errors.name}>
        {(p) => <input {...p} type="text" defaultValue={v?.name} autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="leaderName" label={t("leaderName")} errors={errors.leaderName}>
          {(p) => <input {...p} type="text" defaultValue={v?.leaderName} autoComplete="off" />}
        </Field>
        <Field name="leaderTitle" label={t("leaderTitle")} errors={errors.leaderTitle}>
          {(p) => <input {...p} type="text" defaultValue={v?.leaderTitle} autoComplete="off" />}
        </Field>
      </div>
      <Field name="destination" label={t("destination")} hint={t("destinationHint")} errors={errors.destination}>
        {(p) => <input {...p} type="text" defaultValue={v?.destination} autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="startsOn" label={t("startsOn")} errors={errors.startsOn}>
          {(p) => <input {...p} type="date" defaultValue={v?.startsOn} />}
        </Field>
        <Field name="endsOn" label={t("endsOn")} errors={errors.endsOn}>
          {(p) => <input {...p} type="date" defaultValue={v?.endsOn} />}
        </Field>
      </div>
      <Field name="purpose" label={t("purpose")} errors={errors.purpose}>
        {(p) => <textarea {...p} rows={4} defaultValue={v?.purpose} />}
      </Field>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <a href={edit ? `/delegations/${edit.id}` : "/delegations"} className={buttonClass("secondary")}>
          {t("cancel")}
        </a>
        <button type="submit" className={buttonClass("primary")} disabled={pending} aria-busy={pending}>
          {pending ? t("saving") : edit ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
