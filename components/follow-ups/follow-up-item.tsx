"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { FormMessage } from "@/components/ui/form-message";
import type { FormValue } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { ScopedField } from "./field";
import { cancelFollowUp } from "@/lib/follow-ups/actions/cancel-follow-up";
import { completeFollowUp } from "@/lib/follow-ups/actions/complete-follow-up";
import { reassignFollowUp } from "@/lib/follow-ups/actions/reassign-follow-up";
import { rescheduleFollowUp } from "@/lib/follow-ups/actions/reschedule-follow-up";
import type { FollowUpRow } from "@/lib/follow-ups/queries";
import { primaryName } from "@/lib/i18n/display";
import { shanghaiInstant } from "@/lib/time";

type Mode = "complete" | "reschedule" | "reassign" | "cancel";
const ACTIONS = { complete: completeFollowUp, reschedule: rescheduleFollowUp, reassign: reassignFollowUp, cancel: cancelFollowUp };

export interface Person {
  id: string;
  name: string | null;
}

/** One follow-up with its four changes, each a small inline form; only one is open at a time. */
export function FollowUpItem({ item, people, today, overdue }: { item: FollowUpRow; people: Person[]; today: string; overdue?: boolean }) {
  const t = useTranslations("followUps");
  const format = useFormatter();
  const locale = useLocale();
  const [mode, setMode] = useState<Mode | null>(null);
  const enterprise = primaryName({ nameZh: item.enterpriseNameZh, nameEn: item.enterpriseNameEn }, locale).first;
  const due = format.dateTime(shanghaiInstant(item.dueOn), { dateStyle: "medium" });

  return (
    <li className="space-y-2 py-3" aria-label={item.title}>
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <p className="font-medium text-slate-900">
          <span className="mr-2 rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-700">{t(`kinds.${item.kind}`)}</span>
          {item.title}
        </p>
        <p className={`text-sm ${overdue ? "font-medium text-red-700" : "text-slate-600"}`}>{item.status === "open" ? t("due", { date: due }) : t(`statuses.${item.status}`)}</p>
      </div>
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600">
        <Link href={`/enterprises/${item.enterpriseId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
          {enterprise}
        </Link>
        {item.projectId && item.projectName ? (
          <Link href={`/projects/${item.projectId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
            {item.projectName}
          </Link>
        ) : null}
        {item.assigneeName ? <span>{t("assignee", { name: item.assigneeName })}</span> : null}
      </p>
      {item.outcome ? <p className="text-sm text-slate-700">{t("outcome", { outcome: item.outcome })}</p> : null}
      {item.status === "open" && item.canEdit ? (
        <>
          <div className="flex flex-wrap gap-2" role="group" aria-label={t("actionsFor", { title: item.title })}>
            {(["complete", "reschedule", "reassign", "cancel"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-expanded={mode === m}
                onClick={() => setMode(mode === m ? null : m)}
                className={buttonClass(m === "complete" ? "primary" : "secondary", "min-h-9 px-3")}
              >
                {t(`actions.${m}`)}
              </button>
            ))}
          </div>
          {mode ? <ChangeForm key={mode} mode={mode} item={item} people={people} today={today} onDone={() => setMode(null)} /> : null}
        </>
      ) : null}
    </li>
  );
}

function ChangeForm({ mode, item, people, today, onDone }: { mode: Mode; item: FollowUpRow; people: Person[]; today: string; onDone: () => void }) {
  const t = useTranslations("followUps");
  const format = useFormatter();
  // What reschedule and reassign edit; done and cancel close the follow-up and edit nothing.
  const loaded: Record<string, string> | null = mode === "reschedule" ? { dueOn: item.dueOn } : mode === "reassign" ? { assigneeId: item.assigneeId ?? "" } : null;
  const form = useActionForm<FormData, unknown, Record<string, string>>({
    action: ACTIONS[mode] as (d: FormData) => ReturnType<typeof completeFollowUp>,
    success: t(`saved.${mode}`),
    onSuccess: onDone,
    edit: loaded ? { version: item.version, values: loaded } : null,
  });
  const { formRef, errors, notice, pending, onSubmit, formKey, defaults, version } = form;
  const id = `fu-${item.id.slice(0, 8)}-${mode}`;
  const label = mode === "reschedule" ? t("fields.newDue") : t("fields.assignee");
  const shown = (field: string, value: FormValue) =>
    field === "dueOn" ? format.dateTime(shanghaiInstant(String(value)), { dateStyle: "medium" }) : personName(people, item, String(value)) ?? t("fields.otherPerson");
  // Once restarted from a conflict the form shows the version it now edits, whoever it names;
  // until then it offers only a change.
  const dueOn = defaults?.dueOn ?? item.dueOn;
  const assignee = formKey > 0 ? (defaults?.assigneeId ?? "") : "";
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <input type="hidden" name="id" value={item.id} />
      {/* After "use their version" the next save goes over theirs. */}
      <input type="hidden" name="version" value={loaded ? version : item.version} />
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={t("conflict")} label={() => label} shown={shown} />
      <div key={formKey}>
        {mode === "complete" || mode === "cancel" ? (
          <ScopedField id={`${id}-outcome`} name="outcome" label={mode === "complete" ? t("fields.outcome") : t("fields.cancelNote")} errors={errors.outcome}>
            {(p) => <textarea {...p} rows={2} maxLength={2000} autoFocus />}
          </ScopedField>
        ) : null}
        {mode === "reschedule" ? (
          <ScopedField id={`${id}-dueOn`} name="dueOn" label={t("fields.newDue")} errors={errors.dueOn}>
            {(p) => <input {...p} type="date" min={today} defaultValue={dueOn < today ? today : dueOn} autoFocus />}
          </ScopedField>
        ) : null}
        {mode === "reassign" ? (
          <ScopedField id={`${id}-assigneeId`} name="assigneeId" label={t("fields.assignee")} errors={errors.assigneeId}>
            {(p) => (
              <select {...p} defaultValue={assignee} autoFocus>
                <option value="">{t("fields.choose")}</option>
                {people
                  .filter((person) => person.id !== item.assigneeId || person.id === assignee)
                  .map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
              </select>
            )}
          </ScopedField>
        ) : null}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "min-h-9 px-3")}>
          {t(`confirm.${mode}`)}
        </button>
        <button type="button" onClick={onDone} className={buttonClass("ghost", "min-h-9 px-3")}>
          {t("close")}
        </button>
      </div>
    </form>
  );
}

/** The name behind an assignee id: a colleague in the list, or the follow-up's own assignee. */
function personName(people: Person[], item: FollowUpRow, id: string): string | null {
  return people.find((p) => p.id === id)?.name ?? (id === item.assigneeId ? item.assigneeName : null) ?? null;
}
