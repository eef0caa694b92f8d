"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { EnterprisePicker, type PickedEnterprise } from "@/components/enterprises/enterprise-picker";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { FormMessage } from "@/components/ui/form-message";
import type { FieldOf, FormValue } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addItineraryStop } from "@/lib/delegations/actions/add-stop";
import { updateItineraryStop } from "@/lib/delegations/actions/update-stop";
import { STOP_FORM_FIELDS, type StopFormValues, type StopSubjects } from "@/lib/delegations/stop-values";
import { STOP_TIME_ZONES, suggestedZone, zoneKey } from "@/lib/delegations/time-zones";
import { primaryName } from "@/lib/i18n/display";
import { dateTimeFormat } from "@/lib/intl";
import { isWallTime, TIME_ZONE, zonedInstant } from "@/lib/time";

export type EventChoice = { id: string; label: string };
export interface StopValues {
  id: string;
  version: number;
  date: string;
  time: string;
  timeZone: string;
  place: string | null;
  note: string | null;
  contactName: string | null;
  contactPhone: string | null;
  enterprise: PickedEnterprise | null;
  eventId: string | null;
}

type Props = { events: EventChoice[]; onDone?: () => void } & ({ mode: "add"; delegationId: string; defaultDate: string; defaultZone: string } | { mode: "edit"; stop: StopValues });

const formValues = (s: StopValues): StopFormValues => ({
  date: s.date,
  time: s.time,
  timeZone: s.timeZone,
  enterpriseId: s.enterprise?.id ?? "",
  place: s.place ?? "",
  eventId: s.eventId ?? "",
  contactName: s.contactName ?? "",
  contactPhone: s.contactPhone ?? "",
  note: s.note ?? "",
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Time on the stop's own wall clock and its zone (guessed from the place as it is typed, until
 * the zone is chosen by hand), place, the enterprise or event the stop is for, and whom to ask
 * for there. An edit over a stale version shows the other person's values beside the typed ones.
 */
export function StopForm(props: Props) {
  const t = useTranslations("delegations.stops");
  const tz = useTranslations("delegations.zones");
  const tc = useTranslations("common");
  const locale = useLocale();
  const edit = props.mode === "edit" ? props.stop : null;
  const loaded = edit ? formValues(edit) : null;
  // Enterprises the form knows by id: the loaded one, the one picked, the other person's.
  const [known, setKnown] = useState<PickedEnterprise[]>(edit?.enterprise ? [edit.enterprise] : []);
  const [theirs, setTheirs] = useState<StopSubjects | null>(null);
  const start = loaded ?? { date: props.mode === "add" ? props.defaultDate : "", time: "09:00", place: "", timeZone: props.mode === "add" ? props.defaultZone : TIME_ZONE };
  const [enterprise, setEnterprise] = useState<PickedEnterprise | null>(edit?.enterprise ?? null);
  const [place, setPlace] = useState(start.place);
  // The zone follows what the place (else the enterprise) suggests, else stays where the form
  // started, until one is chosen by hand. A saved zone other than its place's suggestion was one.
  const chosen = (values: { place: string; timeZone: string }, picked: PickedEnterprise | null) => {
    const suggested = suggestedZone(values.place, picked);
    return suggested === null || suggested === values.timeZone ? null : values.timeZone;
  };
  const [base, setBase] = useState(start.timeZone);
  const [manual, setManual] = useState<string | null>(loaded ? chosen(loaded, edit?.enterprise ?? null) : null);
  const zone = manual ?? suggestedZone(place, enterprise) ?? base;
  const [wall, setWall] = useState({ date: start.date, time: start.time });

  const form = useActionForm({
    action: (data: FormData) => (edit ? updateItineraryStop(data) : addItineraryStop(data)),
    success: edit ? t("saved") : t("added"),
    onSuccess: props.onDone,
    edit: edit && loaded ? { version: edit.version, values: loaded } : null,
    onRefused: (result) => {
      const subjects = (result.details as { current?: { subjects?: StopSubjects } } | undefined)?.current?.subjects ?? null;
      setTheirs(subjects);
      if (subjects?.enterprise) setKnown((k) => [...k, subjects.enterprise!]);
    },
    onRestart: (values) => {
      const picked = known.find((e) => e.id === values.enterpriseId) ?? null;
      setEnterprise(picked);
      setPlace(values.place);
      setBase(values.timeZone);
      setManual(chosen(values, picked));
      setWall({ date: values.date, time: values.time });
    },
  });
  const { formRef, onSubmit, formKey, version, pending, errors, notice, defaults } = form;
  const values = defaults ?? loaded;

  function pick(picked: PickedEnterprise | null) {
    setEnterprise(picked);
    if (picked) setKnown((k) => [...k, picked]);
  }

  const zoneName = (id: string) => tz(zoneKey(id) as never);
  const subjectName = (s: { nameZh: string | null; nameEn: string | null } | null | undefined) => (s ? primaryName(s, locale).first : null);
  const shown = (field: FieldOf<StopFormValues>, value: FormValue) => {
    const v = String(value);
    if (field === "timeZone") return zoneName(v);
    if (field === "enterpriseId") return subjectName(theirs?.enterprise?.id === v ? theirs.enterprise : known.find((e) => e.id === v)) ?? "?";
    if (field === "eventId") return (theirs?.event?.id === v ? subjectName(theirs.event) : props.events.find((e) => e.id === v)?.label) ?? "?";
    return v;
  };
  const label = (field: FieldOf<StopFormValues>) => t(field === "enterpriseId" ? "enterprise" : field === "eventId" ? "event" : field);

  // For a stop abroad: the Beijing time the typed wall-clock time is, as the itinerary will show it.
  const beijing =
    zone !== TIME_ZONE && DAY.test(wall.date) && CLOCK.test(wall.time) && isWallTime(wall.date, wall.time, zone)
      ? dateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
          zonedInstant(wall.date, wall.time, zone),
        )
      : null;

  return (
    <form
      key={formKey}
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={edit ? t("editTitle") : t("addTitle")}
    >
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <input type="hidden" name="delegationId" value={props.mode === "add" ? props.delegationId : ""} />
      )}
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={t("conflict")} label={label} shown={shown} fields={STOP_FORM_FIELDS} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="date" label={t("date")} errors={errors.date}>
          {(p) => <input {...p} type="date" defaultValue={values?.date ?? start.date} onChange={(e) => setWall((w) => ({ ...w, date: e.target.value }))} />}
        </Field>
        <Field name="time" label={t("time")} hint={t("timeHint")} errors={errors.time}>
          {(p) => <input {...p} type="time" defaultValue={values?.time ?? start.time} onChange={(e) => setWall((w) => ({ ...w, time: e.target.value }))} />}
        </Field>
        <Field name="timeZone" label={t("timeZone")} errors={errors.timeZone}>
          {(p) => (
            <select {...p} value={zone} onChange={(e) => setManual(e.target.value)}>
              {STOP_TIME_ZONES.map((id) => (
                <option key={id} value={id}>
                  {zoneName(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="stop-beijing-time">
        {beijing ? t("beijingPreview", { time: beijing }) : null}
      </p>
      <EnterprisePicker name="enterpriseId" label={t("enterprise")} defaultValue={enterprise} errors={errors.enterpriseId} onChange={pick} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="place" label={t("place")} hint={t("placeHint")} errors={errors.place}>
          {(p) => <input {...p} type="text" defaultValue={values?.place ?? ""} autoComplete="off" onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <Field name="eventId" label={t("event")} errors={errors.eventId}>
          {(p) => (
            <select {...p} defaultValue={values?.eventId ?? ""}>
              <option value="">{t("noEvent")}</option>
              {props.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="contactName" label={t("contactName")} errors={errors.contactName}>
          {(p) => <input {...p} type="text" maxLength={100} defaultValue={values?.contactName ?? ""} autoComplete="off" />}
        </Field>
        <Field name="contactPhone" label={t("contactPhone")} hint={t("contactPhoneHint")} errors={errors.contactPhone}>
          {(p) => <input {...p} type="tel" inputMode="tel" maxLength={50} defaultValue={values?.contactPhone ?? ""} autoComplete="off" />}
        </Field>
      </div>
      <Field name="note" label={t("note")} errors={errors.note}>
        {(p) => <textarea {...p} rows={2} defaultValue={values?.note ?? ""} />}
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
