"use client";

import { useTranslations } from "next-intl";
import { ScopedField } from "@/components/follow-ups/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import type { AmountUnit } from "@/lib/money";
import { setTarget } from "@/lib/review/actions/set-target";

interface Props {
  year: number;
  teamId: string;
  teamName: string;
  /** 0 when the team has no target for the year yet. */
  version: number;
  signed: { amount: string; unit: AmountUnit } | null;
  funds: { amount: string; unit: AmountUnit } | null;
  projectsSigned: number | null;
  projectsStarted: number | null;
}

const UNITS = ["yuan", "wan", "yi"] as const;

/** One team's yearly target; amounts typed in 元, 万元 or 亿元 and stored exactly in yuan. */
export function TargetForm({ year, teamId, teamName, version, signed, funds, projectsSigned, projectsStarted }: Props) {
  const t = useTranslations("targets");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: setTarget, success: t("saved") });
  const id = `target-${teamId.slice(0, 8)}`;
  const headingId = `${id}-heading`;

  const amountField = (name: "signedAmount" | "fundsInPlace", unitName: "signedUnit" | "fundsUnit", value: Props["signed"]) => (
    <div className="flex items-start gap-2">
      <div className="flex-1">
        <ScopedField id={`${id}-${name}`} name={name} label={t(name)} errors={errors[name]}>
          {(p) => <input {...p} inputMode="decimal" defaultValue={value?.amount ?? ""} aria-describedby={[p["aria-describedby"], `${id}-hint`].filter(Boolean).join(" ")} />}
        </ScopedField>
      </div>
      <div className="w-40">
        <ScopedField id={`${id}-${unitName}`} name={unitName} label={t("unit")} errors={errors[unitName]}>
          {(p) => (
            <select {...p} defaultValue={value?.unit ?? "wan"}>
              {UNITS.map((u) => (
                <option key={u} value={u}>{t(`units.${u}`)}</option>
              ))}
            </select>
          )}
        </ScopedField>
      </div>
    </div>
  );

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {teamName} · {year}
        {version === 0 ? <span className="ml-2 text-sm font-normal text-slate-500">{t("notSet")}</span> : null}
      </h2>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage notice={notice} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">{t("amountHint")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        {amountField("signedAmount", "signedUnit", signed)}
        {amountField("fundsInPlace", "fundsUnit", funds)}
        <ScopedField id={`${id}-projectsSigned`} name="projectsSigned" label={t("projectsSigned")} errors={errors.projectsSigned}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} defaultValue={projectsSigned ?? ""} />}
        </ScopedField>
        <ScopedField id={`${id}-projectsStarted`} name="projectsStarted" label={t("projectsStarted")} errors={errors.projectsStarted}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} defaultValue={projectsStarted ?? ""} />}
        </ScopedField>
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
        {t("save")}
      </button>
    </form>
  );
}
