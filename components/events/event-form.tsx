"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSaveForm } from "@/components/ui/use-save-form";
import { EVENT_KINDS } from "@/db/enums";
import { createEvent } from "@/lib/events/actions/create-event";
import { updateEvent } from "@/lib/events/actions/update-event";

export interface EventFormValues {
  kind: string;
  nameZh: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue: string;
  host: string;
  description: string;
}

type Props = { mode: "create" } | { mode: "edit"; id: string; version: number; values: EventFormValues };

/** Creates an event, or edits one over the version it was loaded at. Nothing typed is lost on an error. */
export function EventForm(props: Props) {
  const t = useTranslations("events.form");
  const kindName = useTranslations("events.kinds");
  const edit = props.mode === "edit" ? props : null;
  const v = edit?.values;

  const { formRef, errors, notice, conflict, pending, onSubmit } = useSaveForm({
    save: (data) => (edit ? updateEvent(data) : createEvent(data)),
    pathOf: (id) => `/events/${id}`,
    savedMessage: edit ? t("saved") : t("created"),
    conflictMessage: t("conflict"),
  });

  const text = (name: keyof EventFormValues, type = "text") => (
    <Field name={name} label={t(name)} errors={errors[name]}>
      {(p) => <input {...p} type={type} defaultValue={v?.[name]} autoComplete="off" />}
    </Field>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      {notice ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{notice}</p>
          {conflict && edit ? (
            <a href={`/events/${edit.id}/edit`} className="font-medium underline">
              {t("reload")}
            </a>
          ) : null}
        </div>
      ) : null}
      <Field name="kind" label={t("kind")} errors={errors.kind}>
        {(p) => (
          <select {...p} defaultValue={v?.kind ?? "docking"}>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
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
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={edit ? `/events/${edit.id}` : "/events"} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("saving") : edit ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
