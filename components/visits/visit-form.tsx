"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type PickedEnterprise, EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { QueryIsland } from "@/components/query-island";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FieldOf, FormValue } from "@/components/ui/form-values";
import { RecordForm } from "@/components/ui/record-form";
import { type Refusal, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action-core";
import { logVisit } from "@/lib/visits/actions/log-visit";
import { updateVisit } from "@/lib/visits/actions/update-visit";
import type { VisitFormValues } from "@/lib/visits/values";
import { CHECK_ROW, CONTROL, ErrorText, type Person, personName } from "./form-bits";
import { NextSteps } from "./next-steps";
import { enterpriseContactsQuery, TheirSide } from "./their-side";

interface Common {
  people: Person[];
  values: VisitFormValues;
  cancelHref: string;
}
export type VisitFormProps = Common &
  (
    | {
        mode: "create";
        viewerId: string;
        enterprise: PickedEnterprise | null;
        stopId: string | null;
        /** For a stop abroad: its time on the local clock, said under the (Beijing) time field. */
        localTime?: string | null;
        eventId: string | null;
        today: string;
        defaultDue: string;
      }
    | { mode: "edit"; id: string; version: number; enterprise: PickedEnterprise }
  );

/** A stop someone else recorded first: the conflict names the visit it became. */
const stopVisitOf = (result: Refusal) => (result.details as { current?: { visitId?: string | null } } | undefined)?.current?.visitId ?? null;

/**
 * Logs a visit (with its next steps) or edits one. Inputs are uncontrolled and the action is
 * called directly, so a refusal keeps everything typed and shows errors beside the fields.
 */
export function VisitForm(props: VisitFormProps) {
  // The conflict panel names their people from the same cached list the boxes show.
  return (
    <QueryIsland>
      <VisitFormFields {...props} />
    </QueryIsland>
  );
}

function VisitFormFields(props: VisitFormProps) {
  const t = useTranslations("visits");
  const tc = useTranslations("common");
  const [enterpriseId, setEnterpriseId] = useState<string | null>(props.enterprise?.id ?? null);
  const [stopVisitId, setStopVisitId] = useState<string | null>(null);
  const form = useActionForm({
    action: (data: FormData): Promise<ActionResult<{ id: string }>> => (props.mode === "edit" ? updateVisit(data) : logVisit(data)),
    success: props.mode === "edit" ? t("saved") : t("logged"),
    open: (data) => `/visits/${data.id}`,
    edit: props.mode === "edit" ? { version: props.version, values: props.values } : null,
    onRefused: (result) => setStopVisitId(stopVisitOf(result)),
  });
  const { errors, setErrors, notice } = form;
  const values = form.defaults ?? props.values;
  const contacts = useQuery(enterpriseContactsQuery(enterpriseId)).data;

  const dropStepErrors = () => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("steps."))));

  const label = (field: FieldOf<VisitFormValues>) => t(`fields.${field}`);
  const nameOf = (side: "ours" | "theirs", id: string) => {
    if (side === "theirs") return contacts?.find((c) => c.id === id)?.name;
    const person = props.people.find((p) => p.id === id);
    return person && personName(person);
  };
  const shown = (field: FieldOf<VisitFormValues>, value: FormValue) => {
    // Someone the lists here do not hold (no longer a contact, say) reads as "?".
    if (field === "ours" || field === "theirs") return (value as string[]).map((id) => nameOf(field, id) ?? "?").join("、");
    // A datetime-local value, as the input shows it.
    if (field === "occurredAt") return String(value).replace("T", " ");
    return String(value);
  };

  return (
    <RecordForm
      form={form}
      recordId={props.mode === "edit" ? props.id : null}
      cancel={{ label: tc("cancel"), href: props.cancelHref }}
      submit={props.mode === "edit" ? tc("saveChanges") : t("save")}
      saving={tc("saving")}
      large
    >
      {props.mode === "create" && props.stopId ? <input type="hidden" name="stopId" value={props.stopId} /> : null}
      {props.mode === "create" && props.eventId ? <input type="hidden" name="eventId" value={props.eventId} /> : null}
      <FormMessage notice={stopVisitId ? t("stopDone") : notice}>
        {stopVisitId ? (
          <Link href={`/visits/${stopVisitId}`} className="font-medium underline">
            {t("openStopVisit")}
          </Link>
        ) : null}
      </FormMessage>
      <ConflictPanel form={form} title={t("conflict")} label={label} shown={shown} />

      {props.mode === "create" ? (
        <EnterprisePicker
          name="enterpriseId"
          label={t("fields.enterprise")}
          defaultValue={props.enterprise}
          errors={errors.enterpriseId}
          onChange={(picked) => setEnterpriseId(picked?.id ?? null)}
        />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="occurredAt" label={t("fields.occurredAt")} hint={t("hints.occurredAt")} errors={errors.occurredAt}>
          {(p) => <input {...p} className={CONTROL} type="datetime-local" defaultValue={values.occurredAt} />}
        </Field>
        <Field name="place" label={t("fields.place")} errors={errors.place}>
          {(p) => <input {...p} className={CONTROL} type="text" maxLength={300} defaultValue={values.place} />}
        </Field>
      </div>
      {props.mode === "create" && props.localTime ? (
        <p className="-mt-2 text-sm text-slate-600" data-testid="visit-local-time">
          {props.localTime}
        </p>
      ) : null}

      <fieldset className="space-y-2" aria-describedby={errors.ours?.length ? "ours-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.ours")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {props.people.map((person) => (
            <label key={person.id} className={CHECK_ROW}>
              <input type="checkbox" name="ours" value={person.id} defaultChecked={values.ours.includes(person.id)} className="h-5 w-5 shrink-0" />
              <span className="min-w-0 break-words">{personName(person)}</span>
            </label>
          ))}
        </div>
        <ErrorText id="ours-error" errors={errors.ours} />
      </fieldset>

      <TheirSide enterpriseId={enterpriseId} checked={values.theirs} theirsNew={values.theirsNew} errors={errors.theirs} newErrors={errors.theirsNew} />

      <Field name="summary" label={t("fields.summary")} errors={errors.summary}>
        {(p) => <textarea {...p} className={CONTROL} rows={5} maxLength={5000} defaultValue={values.summary} />}
      </Field>
      <Field name="outcome" label={t("fields.outcome")} errors={errors.outcome}>
        {(p) => <textarea {...p} className={CONTROL} rows={2} maxLength={2000} defaultValue={values.outcome} />}
      </Field>

      {props.mode === "create" ? (
        <NextSteps people={props.people} viewerId={props.viewerId} today={props.today} defaultDue={props.defaultDue} errors={errors} onRowsChange={dropStepErrors} />
      ) : null}

    </RecordForm>
  );
}
