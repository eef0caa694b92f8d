"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useRef } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { ScopedField } from "./field";
import { FOLLOW_UP_KINDS } from "@/db/enums";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { shanghaiDay } from "@/lib/time";

interface Props {
  /** The enterprise it is about; without one (My day), `chooseEnterprise` draws the field that asks. */
  enterpriseId?: string;
  chooseEnterprise?: (errors: string[] | undefined) => ReactNode;
  projectId?: string;
  visitId?: string;
  /** Today in Asia/Shanghai (YYYY-MM-DD), the earliest due day offered; computed when omitted. */
  today?: string;
}

/**
 * "New follow-up" for an enterprise, one of its projects, or a visit, or on My day for an
 * enterprise chosen in the form: a folded form that assigns the task to the creator (reassign it
 * from My day).
 */
export function NewFollowUp({ enterpriseId, chooseEnterprise, projectId, visitId, today = shanghaiDay() }: Props) {
  const t = useTranslations("followUps.form");
  const kindName = useTranslations("followUps.kinds");
  const details = useRef<HTMLDetailsElement>(null);
  const { errors, notice, pending, onSubmit } = useActionForm({
    action: createFollowUp,
    success: t("created"),
    onSuccess: () => details.current?.removeAttribute("open"),
  });
  const prefix = `fu-${projectId ?? visitId ?? enterpriseId ?? "new"}`.slice(0, 20);
  return (
    <details ref={details} className="rounded-md border border-slate-200 bg-slate-50 [&[open]]:bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 py-2 text-sm font-medium text-brand-700 sm:min-h-0">{t("open")}</summary>
      <form
        noValidate
        onSubmit={onSubmit}
        className="space-y-3 p-3 pt-1"
      >
        {enterpriseId ? (
          <input type="hidden" name="enterpriseId" value={enterpriseId} />
        ) : (
          chooseEnterprise?.(errors.enterpriseId)
        )}
        {projectId ? <input type="hidden" name="projectId" value={projectId} /> : null}
        {visitId ? <input type="hidden" name="visitId" value={visitId} /> : null}
        <FormMessage notice={notice} />
        <ScopedField id={`${prefix}-title`} name="title" label={t("title")} errors={errors.title}>
          {(p) => <input {...p} type="text" maxLength={300} autoComplete="off" />}
        </ScopedField>
        <div className="grid gap-3 sm:grid-cols-2">
          <ScopedField id={`${prefix}-kind`} name="kind" label={t("kind")} errors={errors.kind}>
            {(p) => (
              <select {...p} defaultValue="call">
                {FOLLOW_UP_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindName(k)}
                  </option>
                ))}
              </select>
            )}
          </ScopedField>
          <ScopedField id={`${prefix}-dueOn`} name="dueOn" label={t("dueOn")} errors={errors.dueOn}>
            {(p) => <input {...p} type="date" min={today} defaultValue={today} />}
          </ScopedField>
        </div>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {t("submit")}
        </button>
      </form>
    </details>
  );
}
