"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { differingFields, type FieldOf, type FormValue, type FormValues, isEmpty } from "./form-values";
import type { ConflictControls } from "./use-action-form";

interface Props<V extends FormValues<V>> {
  /** The edit form's submit hook (components/ui/use-action-form.ts). */
  form: ConflictControls<V>;
  /** What happened, in the record's words ("Someone else saved this enterprise while you were editing"). */
  title: string;
  label: (field: FieldOf<V>) => string;
  /**
   * How a set value reads: the name of a choice, the names behind ids. Text reads as typed.
   * `values` is the side the value comes from (theirs or typed), for a value read with another (an amount in its unit).
   */
  shown?: (field: FieldOf<V>, value: FormValue, values: V) => string;
  /** The fields to compare, in form order; every loaded field by default. */
  fields?: readonly FieldOf<V>[];
}

/**
 * Every edit form's answer to a conflict: someone else saved the record after the form was
 * loaded. Shows, per field that differs, what they saved next to what was typed, and two ways on:
 * take their version, or keep the typed edits on top of it; either way the form is saved again
 * by hand. Nothing was overwritten and the typed values stay in place until then.
 */
export function ConflictPanel<V extends FormValues<V>>({ form: { conflict, panelRef, resolve }, title, label, shown, fields }: Props<V>) {
  const t = useTranslations("enterpriseForm.conflict");
  const tc = useTranslations("common");
  const format = useFormatter();
  // A page may hold several small edit forms, each with its own panel.
  const titleId = useId();
  if (!conflict) return null;
  const { saved, typed } = conflict;
  const when = format.dateTime(new Date(saved.updatedAt), { dateStyle: "medium", timeStyle: "short" });
  const read = (field: FieldOf<V>, value: FormValue, values: V) =>
    isEmpty(value) ? tc("notSet") : shown ? shown(field, value, values) : typeof value === "boolean" ? "✓" : Array.isArray(value) ? value.join(", ") : String(value);
  const rows = differingFields(fields ?? (Object.keys(saved.values) as FieldOf<V>[]), saved.values, typed);
  return (
    <div ref={panelRef} tabIndex={-1} role="alert" aria-labelledby={titleId} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 outline-none focus:ring-2 focus:ring-amber-500">
      <h2 id={titleId} className="font-semibold">
        {title}
      </h2>
      <p>{saved.updatedBy ? t("savedBy", { name: saved.updatedBy, time: when }) : t("savedByUnknown", { time: when })}</p>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="text-xs uppercase tracking-wide text-amber-800">
              <tr>
                <th scope="col" className="py-1 pr-3">{t("field")}</th>
                <th scope="col" className="py-1 pr-3">{t("theirs")}</th>
                <th scope="col" className="py-1">{t("yours")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-amber-200">
              {rows.map((field) => (
                <tr key={field} data-field={field}>
                  <th scope="row" className="min-w-16 py-1.5 pr-3 align-top font-medium">{label(field)}</th>
                  <td className="py-1.5 pr-3 align-top font-medium [overflow-wrap:anywhere]">{read(field, saved.values[field], saved.values)}</td>
                  <td className="py-1.5 align-top [overflow-wrap:anywhere]">{read(field, typed[field], typed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("sameValues")}</p>
      )}
      <p className="text-amber-900">{t("choose")}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => resolve("theirs", t("reloaded"))}>
          {t("useTheirs")}
        </Button>
        <Button variant="secondary" onClick={() => resolve("mine", t("replayed"))}>
          {t("keepMine")}
        </Button>
      </div>
    </div>
  );
}
