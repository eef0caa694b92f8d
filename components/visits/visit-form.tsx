"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { type PickedEnterprise, EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-core";
import { logVisit } from "@/lib/visits/actions/log-visit";
import { updateVisit } from "@/lib/visits/actions/update-visit";
import { CHECK_ROW, CONTROL, ErrorText, type Person, personName } from "./form-bits";
import { NextSteps } from "./next-steps";
import { TheirSide } from "./their-side";

type Errors = Record<string, string[] | undefined>;

export interface VisitFormValues {
  /** datetime-local value in Asia/Shanghai wall time. */
  occurredAt: string;
  place: string;
  summary: string;
  outcome: string;
  ours: string[];
  theirs: string[];
  theirsNew: string;
}

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
        eventId: string | null;
        today: string;
        defaultDue: string;
      }
    | { mode: "edit"; id: string; version: number; enterprise: PickedEnterprise }
  );

/** A stop someone else recorded first: the conflict names the visit it became. */
const stopVisitOf = (result: ActionResult<unknown>) =>
  result.ok ? null : ((result.details as { current?: { visitId?: string | null } } | undefined)?.current?.visitId ?? null);

/**
 * Logs a visit (with its next steps) or edits one. Inputs are uncontrolled and the action is
 * called directly, so a refusal keeps everything typed and shows errors beside the fields.
 */
export function VisitForm(props: VisitFormProps) {
  const t = useTranslations("visits");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [enterpriseId, setEnterpriseId] = useState<string | null>(props.enterprise?.id ?? null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [stopVisitId, setStopVisitId] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = props.mode === "edit" ? await updateVisit(data) : await logVisit(data);
      if (result.ok) {
        toast.success(props.mode === "edit" ? t("saved") : t("logged"));
        router.push(`/visits/${result.data.id}`);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      setStopVisitId(stopVisitOf(result));
      const first = Object.keys(result.fieldErrors ?? {})[0];
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]:not([type=hidden])`) : null;
      (target ?? formRef.current?.querySelector<HTMLElement>("[role=alert]"))?.focus();
    });
  }

  const dropStepErrors = () => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("steps."))));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {props.mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : (
        <>
          {props.stopId ? <input type="hidden" name="stopId" value={props.stopId} /> : null}
          {props.eventId ? <input type="hidden" name="eventId" value={props.eventId} /> : null}
        </>
      )}
      {message ? (
        <div role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{stopVisitId ? t("stopDone") : message}</p>
          {stopVisitId ? (
            <Link href={`/visits/${stopVisitId}`} className="font-medium underline">
              {t("openStopVisit")}
            </Link>
          ) : null}
        </div>
      ) : null}

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
          {(p) => <input {...p} className={CONTROL} type="datetime-local" defaultValue={props.values.occurredAt} />}
        </Field>
        <Field name="place" label={t("fields.place")} errors={errors.place}>
          {(p) => <input {...p} className={CONTROL} type="text" maxLength={300} defaultValue={props.values.place} />}
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={errors.ours?.length ? "ours-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.ours")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {props.people.map((person) => (
            <label key={person.id} className={CHECK_ROW}>
              <input type="checkbox" name="ours" value={person.id} defaultChecked={props.values.ours.includes(person.id)} className="h-5 w-5 shrink-0" />
              <span className="min-w-0 break-words">{personName(person)}</span>
            </label>
          ))}
        </div>
        <ErrorText id="ours-error" errors={errors.ours} />
      </fieldset>

      <TheirSide enterpriseId={enterpriseId} checked={props.values.theirs} theirsNew={props.values.theirsNew} errors={errors.theirs} newErrors={errors.theirsNew} />

      <Field name="summary" label={t("fields.summary")} errors={errors.summary}>
        {(p) => <textarea {...p} className={CONTROL} rows={5} maxLength={5000} defaultValue={props.values.summary} />}
      </Field>
      <Field name="outcome" label={t("fields.outcome")} errors={errors.outcome}>
        {(p) => <textarea {...p} className={CONTROL} rows={2} maxLength={2000} defaultValue={props.values.outcome} />}
      </Field>

      {props.mode === "create" ? (
        <NextSteps people={props.people} viewerId={props.viewerId} today={props.today} defaultDue={props.defaultDue} errors={errors} onRowsChange={dropStepErrors} />
      ) : null}

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "min-h-12 w-full text-base sm:w-auto")}>
          {pending ? t("saving") : props.mode === "edit" ? t("saveChanges") : t("save")}
        </button>
        <Link href={props.cancelHref} className={buttonClass("secondary", "min-h-12 w-full text-base sm:w-auto")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
