"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { IMPORT_FIELDS, type ImportField, mappingProblems, REPEATABLE_FIELDS } from "@/lib/enterprises/import/fields";
import type { LoadedFile } from "./types";

const SELECT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm aria-[invalid=true]:border-red-600";

interface MappingStepProps {
  file: LoadedFile;
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
  onCheck: () => void;
  onCancel: () => void;
  error: string | null;
}

/** Step 2: what each column holds, guessed from the headers and corrected by the user. */
export function MappingStep({ file, mapping, onChange, onCheck, onCancel, error }: MappingStepProps) {
  const t = useTranslations("import");
  const [tried, setTried] = useState(false);
  const problems = mappingProblems(mapping);
  const example = (column: number) => file.records.slice(0, 20).find((r) => r.cells[column]?.trim())?.cells[column]?.trim() ?? "";
  const chosenTwice = (field: ImportField | null) =>
    field !== null && !REPEATABLE_FIELDS.includes(field) && mapping.filter((f) => f === field).length > 1;

  function check() {
    setTried(true);
    if (problems.length === 0) onCheck();
  }

  return (
    <section aria-labelledby="map-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div>
        <h2 id="map-title" className="text-lg font-semibold">
          {t("map.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("map.hint", { file: file.name, rows: file.rowCount })}</p>
      </div>
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
        <div className="hidden grid-cols-3 gap-4 bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 sm:grid" aria-hidden="true">
          <span>{t("map.column")}</span>
          <span>{t("map.example")}</span>
          <span>{t("map.target")}</span>
        </div>
        {file.headers.map((header, column) => {
          const label = header || t("map.unnamed", { n: column + 1 });
          const field = mapping[column] ?? null;
          return (
            <div key={column} className="grid gap-1 px-3 py-3 sm:grid-cols-3 sm:items-center sm:gap-4">
              <span className="font-medium break-words">{label}</span>
              <span className="truncate text-sm text-slate-500" title={example(column)}>
                {example(column) || "—"}
              </span>
              <select
                aria-label={t("map.columnLabel", { column: label })}
                value={field ?? ""}
                aria-invalid={tried && chosenTwice(field)}
                onChange={(e) => {
                  const next = [...mapping];
                  next[column] = (e.target.value || null) as ImportField | null;
                  onChange(next);
                }}
                className={SELECT}
              >
                <option value="">{t("map.skip")}</option>
                {IMPORT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t(`fields.${f}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <div role="alert" className="space-y-1 text-sm text-red-700">
        {tried ? problems.map((p) => <p key={p}>{t(`map.problems.${p}`)}</p>) : null}
        {error ? <p>{error}</p> : null}
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t("map.chooseAnother")}
        </Button>
        <span className="text-sm text-slate-500 sm:mr-auto sm:order-first">{t("map.nothingSaved")}</span>
        <Button onClick={check}>{t("map.check")}</Button>
      </div>
    </section>
  );
}
