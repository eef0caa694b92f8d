"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FieldOf, FormValue } from "@/components/ui/form-values";
import { RecordForm } from "@/components/ui/record-form";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { PROJECT_STATUSES } from "@/db/enums";
import type { ActionResult } from "@/lib/action-core";
import { shanghaiDay } from "@/lib/time";
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
  const tc = useTranslations("common");
  const locale = useLocale();
  const edit = props.mode === "edit" ? props : null;
  const [status, setStatus] = useState(edit?.values.status ?? "active");
  const [stage, setStage] = useState("lead");
  const ts = useTranslations("projects.signing");
  const label = (o: Named) => o.name ?? (locale === "en" ? (o.nameEn ?? o.nameZh) : (o.nameZh ?? o.nameEn)) ?? "";
  const option = (o: Named) => ({ value: o.id, label: label(o) });

  const form = useActionForm({
    action: (data: FormData): Promise<ActionResult<{ id: string }>> => (edit ? updateProject(data) : createProject(data)),
    success: edit ? t("saved") : t("created"),
    open: (data) => `/projects/${data.id}`,
    edit,
    // The status picks which fields show: it follows the version the form starts again from.
    onRestart: (values) => setStatus(values.status),
  });
  const { errors, notice } = form;
  const v = form.defaults;

  // The conflict panel: each field by its label, a choice by its name.
  type Key = FieldOf<ProjectFormValues>;
  const fieldLabels: Record<Key, string> = {
    name: t("name"),
    status: t("status"),
    lostReason: t("lostReason"),
    chainNodeId: t("chainNode"),
    plannedAmount: t("plannedAmount"),
    plannedUnit: t("unit"),
    currency: t("currency"),
    expectedJobs: t("expectedJobs"),
    landMu: t("landMu"),
    ownerId: t("owner"),
    teamId: t("team"),
    sourceEventId: t("sourceEvent"),
    sourceDelegationId: t("sourceDelegation"),
    confidential: t("confidential"),
    description: t("description"),
  };
  const choices: Partial<Record<Key, Named[]>> = {
    chainNodeId: props.chains.flatMap((c) => c.nodes),
    ownerId: props.people,
    teamId: props.teams,
    sourceEventId: props.events,
    sourceDelegationId: props.delegations,
  };
  const shown = (field: Key, value: FormValue) => {
    if (typeof value === "boolean") return "✓";
    const text = String(value);
    if (field === "status") return statusName(text as (typeof PROJECT_STATUSES)[number]);
    if (field === "plannedUnit") return t(`units.${text as "yuan" | "wan" | "yi"}`);
    const named = choices[field]?.find((o) => o.id === text);
    return named ? label(named) : text;
  };
  const fields = (Object.keys(fieldLabels) as Key[]).filter((f) => f !== "teamId" || props.canChooseTeam);

  return (
    <RecordForm
      form={form}
      recordId={edit?.id}
      cancel={{ label: tc("cancel"), href: edit ? `/projects/${edit.id}` : `/enterprises/${props.mode === "create" ? props.enterpriseId : ""}` }}
      submit={edit ? tc("saveChanges") : t("create")}
      saving={tc("saving")}
    >
      {props.mode === "create" ? <input type="hidden" name="enterpriseId" value={props.enterpriseId} /> : null}
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={t("conflict")} label={(f) => fieldLabels[f]} shown={shown} fields={fields} />
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
              <option value="">{tc("notSet")}</option>
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
        <SelectField
          name="plannedUnit"
          label={t("unit")}
          errors={errors.plannedUnit}
          defaultValue={v?.plannedUnit ?? "wan"}
          options={(["yuan", "wan", "yi"] as const).map((u) => ({ value: u, label: t(`units.${u}`) }))}
        />
        <SelectField name="currency" label={t("currency")} errors={errors.currency} defaultValue={v?.currency ?? "CNY"} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
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
        <SelectField name="ownerId" label={t("owner")} errors={errors.ownerId} defaultValue={v?.ownerId ?? (props.mode === "create" ? props.ownerId : "")} options={props.people.map(option)} />
        {props.canChooseTeam ? <SelectField name="teamId" label={t("team")} errors={errors.teamId} defaultValue={v?.teamId ?? ""} none={tc("notSet")} options={props.teams.map(option)} /> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="sourceEventId"
          label={t("sourceEvent")}
          errors={errors.sourceEventId}
          defaultValue={v?.sourceEventId ?? (props.mode === "create" ? props.sourceEventId : undefined) ?? ""}
          none={tc("notSet")}
          options={props.events.map(option)}
        />
        <SelectField
          name="sourceDelegationId"
          label={t("sourceDelegation")}
          errors={errors.sourceDelegationId}
          defaultValue={v?.sourceDelegationId ?? (props.mode === "create" ? props.sourceDelegationId : undefined) ?? ""}
          none={tc("notSet")}
          options={props.delegations.map(option)}
        />
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
    </RecordForm>
  );
}
