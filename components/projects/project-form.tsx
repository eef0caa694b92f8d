"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSaveForm } from "@/components/ui/use-save-form";
import { PROJECT_STATUSES } from "@/db/enums";
import { shanghaiDay } from "@/lib/follow-ups/dates";
import { createProject } from "@/lib/projects/actions/create-project";
import { updateProject } from "@/lib/projects/actions/update-project";
import { INITIAL_STAGES } from "@/lib/projects/stages";
import type { ProjectFormValues } from "@/lib/projects/values";
import { CURRENCIES } from "@/lib/money";

type Named = { id: string; nameZh?: string | null; nameEn?: string | null; name?: string | null };
export interface ProjectFormChoices {
  chains: (Named & { nodes: Named[] })[];
  events: Named[];
  delegations: Named[];
  people: Named[];
  teams: Named[];
  /** Admins may move a project to another team. */
  canChooseTeam: boolean;
}

type Props = ProjectFormChoices &
  (
    | { mode: "create"; enterpriseId: string; ownerId: string; sourceEventId?: string; sourceDelegationId?: string }
    | { mode: "edit"; id: string; version: number; values: ProjectFormValues }
  );

/** Creates a project from an enterprise, or edits one over the version it was loaded at. */
export function ProjectForm(props: Props) {
  const t = useTranslations("projects.form");
  const stageName = useTranslations("projects.stages");
  const statusName = useTranslations("projects.statuses");
  const locale = useLocale();
  const edit = props.mode === "edit" ? props : null;
  const v = edit?.values;
  const [status, setStatus] = useState(v?.status ?? "active");
  const [stage, setStage] = useState("lead");
  const ts = useTranslations("projects.signing");
  const label = (o: Named) => o.name ?? (locale === "en" ? (o.nameEn ?? o.nameZh) : (o.nameZh ?? o.nameEn)) ?? "";

  const { formRef, errors, notice, conflict, pending, onSubmit } = useSaveForm({
    save: (data) => (edit ? updateProject(data) : createProject(data)),
    pathOf: (id) => `/projects/${id}`,
    savedMessage: edit ? t("saved") : t("created"),
    conflictMessage: t("conflict"),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : (
        <input type="hidden" name="enterpriseId" value={props.mode === "create" ? props.enterpriseId : ""} />
      )}
      {notice ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{notice}</p>
          {conflict && edit ? (
            <a href={`/projects/${edit.id}/edit`} className="font-medium underline">
              {t("reload")}
            </a>
          ) : null}
        </div>
      ) : null}
      <Field name="name" label={t("name")} errors={errors.name}>
        {(p) => <input {...p} type="text" defaultValue={v?.name} autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {edit ? (
          <Field name="status" label={t("status")} errors={errors.status}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
                {PROJECT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusName(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field name="stage" label={t("stage")} hint={t("stageHint")} errors={errors.stage}>
            {(p) => (
              <select {...p} value={stage} onChange={(e) => setStage(e.target.value)}>
                {INITIAL_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {stageName(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="chainNodeId" label={t("chainNode")} errors={errors.chainNodeId}>
          {(p) => (
            <select {...p} defaultValue={v?.chainNodeId ?? ""}>
              <option value="">{t("notSet")}</option>
              {props.chains.map((c) => (
                <optgroup key={c.id} label={label(c)}>
                  {c.nodes.map((n) => (
                    <option key={n.id} value={n.id}>
                      {label(n)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </div>
      {!edit && stage === "signed" ? (
        <Field name="signedOn" label={ts("signedOn")} hint={ts("formHint")} errors={errors.signedOn}>
          {(p) => <input {...p} type="date" max={shanghaiDay()} />}
        </Field>
      ) : null}
      {edit && status === "lost" ? (
        <Field name="lostReason" label={t("lostReason")} errors={errors.lostReason}>
          {(p) => <textarea {...p} rows={2} defaultValue={v?.lostReason} />}
        </Field>
      ) : null}
      <fieldset className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <legend className="sr-only">{t("plannedAmount")}</legend>
        <Field name="plannedAmount" label={t("plannedAmount")} hint={t("amountHint")} errors={errors.plannedAmount}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={v?.plannedAmount} autoComplete="off" />}
        </Field>
        <Field name="plannedUnit" label={t("unit")} errors={errors.plannedUnit}>
          {(p) => (
            <select {...p} defaultValue={v?.plannedUnit ?? "wan"}>
              {(["yuan", "wan", "yi"] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`units.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="currency" label={t("currency")} errors={errors.currency}>
          {(p) => (
            <select {...p} defaultValue={v?.currency ?? "CNY"}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="expectedJobs" label={t("expectedJobs")} errors={errors.expectedJobs}>
          {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={v?.expectedJobs} />}
        </Field>
        <Field name="landMu" label={t("landMu")} errors={errors.landMu}>
          {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={v?.landMu} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="ownerId" label={t("owner")} errors={errors.ownerId}>
          {(p) => (
            <select {...p} defaultValue={v?.ownerId ?? (props.mode === "create" ? props.ownerId : "")}>
              {props.people.map((o) => (
                <option key={o.id} value={o.id}>
                  {label(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {props.canChooseTeam ? (
          <Field name="teamId" label={t("team")} errors={errors.teamId}>
            {(p) => (
              <select {...p} defaultValue={v?.teamId ?? ""}>
                <option value="">{t("notSet")}</option>
                {props.teams.map((o) => (
                  <option key={o.id} value={o.id}>
                    {label(o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="sourceEventId" label={t("sourceEvent")} errors={errors.sourceEventId}>
          {(p) => (
            <select {...p} defaultValue={v?.sourceEventId ?? (props.mode === "create" ? props.sourceEventId : undefined) ?? ""}>
              <option value="">{t("notSet")}</option>
              {props.events.map((o) => (
                <option key={o.id} value={o.id}>
                  {label(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="sourceDelegationId" label={t("sourceDelegation")} errors={errors.sourceDelegationId}>
          {(p) => (
            <select {...p} defaultValue={v?.sourceDelegationId ?? (props.mode === "create" ? props.sourceDelegationId : undefined) ?? ""}>
              <option value="">{t("notSet")}</option>
              {props.delegations.map((o) => (
                <option key={o.id} value={o.id}>
                  {label(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confidential" defaultChecked={v?.confidential} className="mt-0.5 size-4" />
        <span>
          <span className="font-medium text-slate-800">{t("confidential")}</span>
          <span className="block text-slate-500">{t("confidentialHint")}</span>
        </span>
      </label>
      <Field name="description" label={t("description")} errors={errors.description}>
        {(p) => <textarea {...p} rows={3} defaultValue={v?.description} />}
      </Field>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={edit ? `/projects/${edit.id}` : `/enterprises/${props.mode === "create" ? props.enterpriseId : ""}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("saving") : edit ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
