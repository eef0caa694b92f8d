"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

interface Props {
  updatedBy: string | null;
  updatedAt: string;
  rows: ConflictRow[];
  onUseTheirs: () => void;
  onKeepMine: () => void;
}

/**
 * Shown when someone else saved the record after the form was loaded: what they saved next
 * to what was typed, and two ways on. Nothing was overwritten and the typed values stay in place.
 */
export function ConflictPanel({ updatedBy, updatedAt, rows, onUseTheirs, onKeepMine, ref }: Props & { ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations("enterpriseForm.conflict");
  const format = useFormatter();
  const when = format.dateTime(new Date(updatedAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="conflict-title" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 outline-none focus:ring-2 focus:ring-amber-500">
      <h2 id="conflict-title" className="font-semibold">
        {t("title")}
      </h2>
      <p>{updatedBy ? t("savedBy", { name: updatedBy, time: when }) : t("savedByUnknown", { time: when })}</p>
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
              {rows.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row" className="py-1.5 pr-3 align-top font-medium">{row.label}</th>
                  <td className="break-all py-1.5 pr-3 align-top font-medium">{row.theirs}</td>
                  <td className="break-all py-1.5 align-top">{row.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("sameValues")}</p>
      )}
      <p className="text-amber-900">{t("choose")}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variant="primary" onClick={onUseTheirs}>
          {t("useTheirs")}
        </Button>
        <Button variant="secondary" onClick={onKeepMine}>
          {t("keepMine")}
        </Button>
      </div>
    </div>
  );
}

/** Form values as the server would store them, so "Acme " and "Acme" are not a difference. */
const same = (a: string | undefined, b: string | undefined) => (a ?? "").trim() === (b ?? "").trim();

/** The fields where what they saved differs from what was typed. */
export function differingFields<F extends string>(fields: readonly F[], theirs: Record<F, string>, typed: Record<F, string>): F[] {
  return fields.filter((f) => !same(theirs[f], typed[f]));
}

/**
 * The typed edits replayed onto their version: a field the editor changed keeps the typed value,
 * every other field takes what they saved, so neither side's changes are lost without a choice.
 */
export function replayEdits<F extends string>(
  fields: readonly F[],
  loaded: Record<F, string>,
  theirs: Record<F, string>,
  typed: Record<F, string>,
): Record<F, string> {
  const out = { ...theirs };
  for (const f of fields) if (!same(typed[f], loaded[f])) out[f] = typed[f];
  return out;
}

/** The named fields of a form submission, as strings. */
export function readFields<F extends string>(fields: readonly F[], data: FormData): Record<F, string> {
  return Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? "")])) as Record<F, string>;
}
