"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { type PageFormRecord, RecordPageForm } from "@/components/ui/record-page-form";
import { SelectField } from "@/components/ui/select-field";
import { EVENT_KINDS } from "@/db/enums";
import { createEvent } from "@/lib/events/actions/create-event";
import { updateEvent } from "@/lib/events/actions/update-event";
import type { EventFormValues } from "@/lib/events/values";

/** Creates an event, or edits one over the version it was loaded at. Nothing typed is lost on an error. */
export function EventForm(props: PageFormRecord<EventFormValues>) {
  const t = useTranslations("events.form");
  const kindName = useTranslations("events.kinds");
  return (
    <RecordPageForm record={props} list="/events" save={{ create: createEvent, update: updateEvent }} t={t} shown={(f, value) => (f === "kind" ? kindName(value as (typeof EVENT_KINDS)[number]) : String(value))}>
      {({ errors, values: v }) => {
        const text = (name: keyof EventFormValues, type = "text") => (
          <Field name={name} label={t(name)} errors={errors[name]}>
            {(p) => <input {...p} type={type} defaultValue={v?.[name]} autoComplete="off" />}
          </Field>
        );
        return (
          <>
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
          </>
        );
      }}
    </RecordPageForm>
  );
}
