"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ScopedField } from "@/components/follow-ups/field";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { reassignFollowUp } from "@/lib/follow-ups/actions/reassign-follow-up";
import { assignAlert } from "@/lib/review/actions/assign-alert";

export interface Assignee {
  id: string;
  name: string | null;
}

type Target =
  | { kind: "stalled" | "signedNotStarted"; projectId: string }
  | { kind: "followUp"; followUpId: string; version: number; currentAssigneeId: string | null };

/**
 * "Assign…" on an alert row: a project alert becomes a new follow-up for the chosen person;
 * an overdue follow-up is reassigned to them, over the version the page loaded (key the
 * component by it, so a saved change starts it again).
 */
export function AlertAssign({ target, people, label }: { target: Target; people: Assignee[]; label: string }) {
  const t = useTranslations("alerts.assign");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const isFollowUp = target.kind === "followUp";
  const run = (isFollowUp ? reassignFollowUp : assignAlert) as (d: FormData) => ReturnType<typeof assignAlert>;
  // Reassigning edits the follow-up's assignee over the version the page loaded.
  const form = useActionForm<FormData, unknown, Record<string, string>>({
    action: run,
    success: isFollowUp ? t("reassigned") : t("done"),
    onSuccess: () => setOpen(false),
    edit: isFollowUp ? { version: target.version, values: { assigneeId: target.currentAssigneeId ?? "" } } : null,
  });
  const { formRef, errors, notice, pending, onSubmit, formKey, defaults, version } = form;
  const id = `assign-${isFollowUp ? target.followUpId : `${target.kind}-${target.projectId}`}`.slice(0, 48);
  // Once restarted from a conflict the form shows the assignee of the version it now edits; until then it offers only a change.
  const chosen = formKey > 0 ? (defaults?.assigneeId ?? "") : "";
  const choices = isFollowUp ? people.filter((p) => p.id !== target.currentAssigneeId || p.id === chosen) : people;
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name ?? t("otherPerson");

  if (!open) {
    return (
      <button type="button" aria-label={`${t("open")} ${label}`} onClick={() => setOpen(true)} className={buttonClass("secondary", "min-h-9 px-3")}>
        {t("open")}
      </button>
    );
  }
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={`${t("open")} ${label}`}
      onSubmit={onSubmit}
      className="w-full space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:max-w-sm"
    >
      {isFollowUp ? (
        <>
          <input type="hidden" name="id" value={target.followUpId} />
          {/* After "use their version" the next save goes over theirs. */}
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <>
          <input type="hidden" name="projectId" value={target.projectId} />
          <input type="hidden" name="kind" value={target.kind} />
        </>
      )}
      <FormMessage notice={notice} />
      {isFollowUp ? <ConflictPanel form={form} title={t("conflict")} label={() => t("to")} shown={(_, value) => nameOf(String(value))} /> : null}
      {choices.length === 0 ? <p className="text-sm text-slate-600">{t("noPeople")}</p> : null}
      <ScopedField key={formKey} id={`${id}-assigneeId`} name="assigneeId" label={t("to")} errors={errors.assigneeId}>
        {(p) => (
          <select {...p} defaultValue={chosen} autoFocus>
            <option value="">{t("choose")}</option>
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </ScopedField>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "min-h-9 px-3")}>
          {isFollowUp ? t("reassign") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass("ghost", "min-h-9 px-3")}>
          {tc("cancel")}
        </button>
      </div>
    </form>
  );
}
