"use client";

import { useTranslations } from "next-intl";
import { ScopedField } from "@/components/follow-ups/field";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { FormMessage } from "@/components/ui/form-message";
import { type FormValue, sameValue } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import type { AmountUnit } from "@/lib/money";
import { setTarget } from "@/lib/review/actions/set-target";
import type { TargetFormValues } from "@/lib/review/target-values";

interface Props {
  year: number;
  teamId: string;
  teamName: string;
  /** 0 when the team has no target for the year yet. */
  version: number;
  values: TargetFormValues;
}

const UNITS = ["yuan", "wan", "yi"] as const;
const FIELDS = ["signedAmount", "signedUnit", "fundsInPlace", "fundsUnit", "projectsSigned", "projectsStarted"] as const;
const UNIT_OF = { signedAmount: "signedUnit", fundsInPlace: "fundsUnit" } as const;
const AMOUNT_OF = { signedUnit: "signedAmount", fundsUnit: "fundsInPlace" } as const;

/** One team's yearly target; amounts typed in 元, 万元 or 亿元 and stored exactly in yuan. */
export function TargetForm({ year, teamId, teamName, version: loadedVersion, values }: Props) {
  const t = useTranslations("targets");
  // Opened on a year without a target, the form still meets a conflict when someone sets one first.
  const form = useActionForm({ action: setTarget, success: t("saved"), edit: { version: loadedVersion, values } });
  const { formRef, errors, notice, pending, onSubmit, formKey, defaults, version, conflict } = form;
  // An amount's row reads with its unit, so the unit's own row shows only when the amounts agree.
  const compared = FIELDS.filter((f) => {
    const amount = f === "signedUnit" || f === "fundsUnit" ? AMOUNT_OF[f] : null;
    return !amount || !conflict || sameValue(conflict.saved.values[amount], conflict.typed[amount]);
  });
  const v = defaults ?? values;
  const id = `target-${teamId.slice(0, 8)}`;
  const headingId = `${id}-heading`;
  const label = (f: (typeof FIELDS)[number]) => (f === "signedUnit" || f === "fundsUnit" ? `${t(AMOUNT_OF[f])} · ${t("unit")}` : t(f));
  // An amount reads with its unit beside it: "3 亿元", not "3".
  const shown = (f: keyof TargetFormValues, value: FormValue, side: TargetFormValues) =>
    f === "signedAmount" || f === "fundsInPlace" ? `${String(value)} ${t(`units.${side[UNIT_OF[f]]}`)}` : f === "signedUnit" || f === "fundsUnit" ? t(`units.${value as AmountUnit}`) : String(value);

  const amountField = (name: "signedAmount" | "fundsInPlace", unitName: "signedUnit" | "fundsUnit") => (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <ScopedField id={`${id}-${name}`} name={name} label={t(name)} errors={errors[name]}>
          {(p) => <input {...p} inputMode="decimal" defaultValue={v[name]} aria-describedby={[p["aria-describedby"], `${id}-hint`].filter(Boolean).join(" ")} />}
        </ScopedField>
      </div>
      <div className="w-40">
        <ScopedField id={`${id}-${unitName}`} name={unitName} label={t("unit")} errors={errors[unitName]}>
          {(p) => (
            <select {...p} defaultValue={v[unitName]}>
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
    <form ref={formRef} noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {teamName} · {year}
        {version === 0 ? <span className="ml-2 text-sm font-normal text-slate-500">{t("notSet")}</span> : null}
      </h2>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="teamId" value={teamId} />
      {/* After "use their version" the next save goes over theirs. */}
      <input type="hidden" name="version" value={version} />
      <FormMessage notice={notice} />
      <ConflictPanel form={form} title={t("conflict")} label={label} shown={shown} fields={compared} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">{t("amountHint")}</p>
      <div key={formKey} className="grid gap-3 md:grid-cols-2">
        {amountField("signedAmount", "signedUnit")}
        {amountField("fundsInPlace", "fundsUnit")}
        <ScopedField id={`${id}-projectsSigned`} name="projectsSigned" label={t("projectsSigned")} errors={errors.projectsSigned}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} defaultValue={v.projectsSigned} />}
        </ScopedField>
        <ScopedField id={`${id}-projectsStarted`} name="projectsStarted" label={t("projectsStarted")} errors={errors.projectsStarted}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} step={1} defaultValue={v.projectsStarted} />}
        </ScopedField>
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
        {t("save")}
      </button>
    </form>
  );
}
