"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/**
 * The signing a move records when it first reaches 签约: the day, and the amount in the project's
 * currency typed in 元/万元/亿元 as on the project form. Field names match the actions' inputs.
 */
export function SigningFields({
  currency,
  today,
  errors,
  hint,
  autoFocus = false,
  idPrefix,
}: {
  currency: string;
  today: string;
  errors: Record<string, string[] | undefined>;
  hint?: string;
  /** Marks the first input for a dialog to focus when it opens. */
  autoFocus?: boolean;
  /** Prefixes the fields' ids where several forms share a page. */
  idPrefix?: string;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : undefined);
  const t = useTranslations("projects.signing");
  const tf = useTranslations("projects.form");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-800">{t("legend")}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <Field name="signedOn" id={id("signedOn")} label={t("signedOn")} errors={errors.signedOn}>
        {(p) => <input {...p} type="date" max={today || undefined} {...(autoFocus ? { "data-autofocus": true } : {})} />}
      </Field>
      <div className="grid grid-cols-[2fr_1fr] gap-3">
        <Field name="signedAmount" id={id("signedAmount")} label={t("signedAmount", { currency })} hint={tf("amountHint")} errors={errors.signedAmount}>
          {(p) => <input {...p} type="text" inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field name="signedUnit" id={id("signedUnit")} label={tf("unit")} errors={errors.signedUnit}>
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
      </div>
    </fieldset>
  );
}
