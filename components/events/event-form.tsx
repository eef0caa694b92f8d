"use client";

import { useTranslations } from "next-intl";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RecordForm } from "@/components/ui/record-form";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { EVENT_KINDS } from "@/db/enums";
import { createEvent } from "@/lib/events/actions/create-event";
import { updateEvent } from "@/lib/events/actions/update-event";
import type { EventFormValues } from "@/lib/events/values";

type Props = { mode: "create" } | { mode: "edit"; id: string; version: number; values: EventFormValues };

/** Creates an event, or edits one over the version it was loaded at. Nothing typed is lost on an error. */
export function EventForm(props: Props) {
  const t = useTranslations("events.form");
  const kindName = useTranslations("events.kinds");
  const tc = useTranslations("common");
  const edit = props.mode === "edit" ? props : null;
  const form = useActionForm({
    action: (data: FormData) => (edit ? updateEvent(data) : createEvent(data)),
    success: edit ? t("saved") : t("created"),
    open: (data) => `/events/${data.id}`,
    edit,
  });
  const { errors, notice } = form;
  const v = form.defaults;

  const text = (name: keyof EventFormValues, type = "text") => (
    <Field name={name} label={t(name)} errors={errors[name]}>
      {(p) => <input {...p} type={type} defaultValue={v?.[name]} autoComplete="off" />}
    </Field>
  );

  return (
    <RecordForm
      form={form}
      recordId={edit?.id}
      cancel={{ label: tc("cancel"), href: edit ? `/events/${edit.id}` : "/events" }}
      submit={edit ? tc("saveChanges") : t("create")}
      saving={tc("saving")}
    >
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={t("conflict")} label={(f) => t(f)} shown={(f, value) => (f === "kind" ? kindName(value as (typeof EVENT_KINDS)[number]) : String(value))} />
      <SelectField name="kind" label={t("kind")} errors={errors.kind} defaultValue={v?.kind ?? "docking"} options={EVENT_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("nameZh")}
        {text("nameEn")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("startsOn", "date")}
        {text("endsOn", "date")}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {text("city")}
        {text("venue")}
        {text("host")}
      </div>
      <Field name="description" label={t("description")} errors={errors.description}>
        {(p) => <textarea {...p} rows={3} defaultValue={v?.description} />}
      </Field>
    </RecordForm>
  );
}
