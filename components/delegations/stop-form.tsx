"use client";

import { useTranslations } from "next-intl";
import { EnterprisePicker, type PickedEnterprise } from "@/components/enterprises/enterprise-picker";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addItineraryStop } from "@/lib/delegations/actions/add-stop";
import { updateItineraryStop } from "@/lib/delegations/actions/update-stop";

export type EventChoice = { id: string; label: string };
export interface StopValues {
  id: string;
  version: number;
  date: string;
  time: string;
  place: string | null;
  note: string | null;
  enterprise: PickedEnterprise | null;
  eventId: string | null;
}

type Props = { events: EventChoice[]; onDone?: () => void } & ({ mode: "add"; delegationId: string; defaultDate: string } | { mode: "edit"; stop: StopValues });

/** Time (Asia/Shanghai), place, and the enterprise or event the stop is for. */
export function StopForm(props: Props) {
  const t = useTranslations("delegations.stops");
  const tc = useTranslations("common");
  const edit = props.mode === "edit" ? props.stop : null;
  const { errors, notice, pending, onSubmit } = useActionForm({
    action: edit ? updateItineraryStop : addItineraryStop,
    success: edit ? t("saved") : t("added"),
    onSuccess: props.onDone,
  });
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={edit ? t("editTitle") : t("addTitle")}
    >
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : (
        <input type="hidden" name="delegationId" value={props.mode === "add" ? props.delegationId : ""} />
      )}
      <FormMessage notice={notice} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="date" label={t("date")} errors={errors.date}>
          {(p) => <input {...p} type="date" defaultValue={edit?.date ?? (props.mode === "add" ? props.defaultDate : undefined)} />}
        </Field>
        <Field name="time" label={t("time")} hint={t("timeHint")} errors={errors.time}>
          {(p) => <input {...p} type="time" defaultValue={edit?.time ?? "09:00"} />}
        </Field>
      </div>
      <EnterprisePicker name="enterpriseId" label={t("enterprise")} defaultValue={edit?.enterprise ?? null} errors={errors.enterpriseId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="place" label={t("place")} errors={errors.place}>
          {(p) => <input {...p} type="text" defaultValue={edit?.place ?? ""} autoComplete="off" />}
        </Field>
        <Field name="eventId" label={t("event")} errors={errors.eventId}>
          {(p) => (
            <select {...p} defaultValue={edit?.eventId ?? ""}>
              <option value="">{t("noEvent")}</option>
              {props.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="note" label={t("note")} errors={errors.note}>
        {(p) => <textarea {...p} rows={2} defaultValue={edit?.note ?? ""} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass(edit ? "primary" : "secondary")} disabled={pending} aria-busy={pending}>
          {pending ? tc("saving") : edit ? t("save") : t("add")}
        </button>
        {edit && props.onDone ? (
          <button type="button" className={buttonClass("ghost")} onClick={props.onDone}>
            {tc("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
