"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { addFundTranche } from "@/lib/projects/actions/add-tranche";
import { CURRENCIES } from "@/lib/money";

export function TrancheForm({ projectId, currency, today }: { projectId: string; currency: string; today: string }) {
  const t = useTranslations("projects.tranches");
  const tf = useTranslations("projects.form");
  const { errors, notice, pending, onSubmit } = useActionForm({ action: addFundTranche, success: t("saved") });
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 border-t border-slate-100 pt-3"
    >
      <input type="hidden" name="projectId" value={projectId} />
      {/* The project itself refused the tranche (not signed yet): say why, not just "correct the fields". */}
      <FormMessage notice={errors.projectId?.join(" ") ?? notice} />
      <div className="grid grid-cols-2 gap-3">
        <Field name="receivedOn" id="tranche-receivedOn" label={t("receivedOn")} errors={errors.receivedOn}>
          {(p) => <input {...p} type="date" max={today} defaultValue={today} />}
        </Field>
        <Field name="amount" id="tranche-amount" label={t("amount")} hint={tf("amountHint")} errors={errors.amount}>
          {(p) => <input {...p} type="text" inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field name="unit" id="tranche-unit" label={tf("unit")} errors={errors.unit}>
          {(p) => (
            <select {...p} defaultValue="wan">
              {(["yuan", "wan", "yi"] as const).map((u) => (
                <option key={u} value={u}>
                  {tf(`units.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="currency" id="tranche-currency" label={tf("currency")} errors={errors.currency}>
          {(p) => (
            <select {...p} defaultValue={currency}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="note" id="tranche-note" label={t("note")} errors={errors.note}>
        {(p) => <input {...p} type="text" maxLength={500} />}
      </Field>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("secondary")}>
        {t("add")}
      </button>
    </form>
  );
}
