"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { type PageFormRecord, RecordPageForm } from "@/components/ui/record-page-form";
import { DELEGATION_DIRECTIONS } from "@/db/enums";
import { createDelegation } from "@/lib/delegations/actions/create-delegation";
import { updateDelegation } from "@/lib/delegations/actions/update-delegation";
import type { DelegationFormValues } from "@/lib/delegations/schema";

/** Creates a delegation, or edits one over the version it was loaded at. */
export function DelegationForm(props: PageFormRecord<DelegationFormValues>) {
  const t = useTranslations("delegations.form");
  const dir = useTranslations("delegations.directions");
  return (
    <RecordPageForm record={props} list="/delegations" save={{ create: createDelegation, update: updateDelegation }} t={t} shown={(f, value) => (f === "direction" ? dir(value as (typeof DELEGATION_DIRECTIONS)[number]) : String(value))}>
      {({ errors, values: v }) => (
        <>
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
        </>
      )}
    </RecordPageForm>
  );
}
