"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { CsvParseError, parseCsvRecords } from "@/lib/csv/parse";
import { isWorkbookUpload } from "@/lib/xlsx/workbook-upload";
import { IMPORT_FIELDS, MAX_FILE_BYTES, MAX_ROWS } from "@/lib/enterprises/import/fields";
import { downloadCsv } from "./download";
import type { LoadedFile } from "./types";

/** Step 1: the file (CSV or .xlsx) is read and parsed in the browser; only mapped rows are ever sent. */
export function FileStep({ onLoaded }: { onLoaded: (file: LoadedFile) => void }) {
  const t = useTranslations("import");
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    // Let the same file be chosen again after it is fixed.
    const refuse = (message: string) => {
      setError(message);
      input.value = "";
    };
    if (file.size > MAX_FILE_BYTES) return refuse(t("file.errors.tooBig", { size: (file.size / 1024 / 1024).toFixed(1) }));
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A workbook is told by its bytes (or a name that says it is one); exceljs loads only then.
      const [header, ...records] = isWorkbookUpload(file.name, bytes)
        ? await (await import("@/lib/xlsx/read")).readWorkbookRecords(bytes, { maxRecords: MAX_ROWS + 1 })
        : parseCsvRecords(decodeCsvBytes(bytes).text, { maxRecords: MAX_ROWS + 1 });
      const rowCount = records.filter((r) => r.cells.some((c) => c.trim() !== "")).length;
      if (!header || rowCount === 0) return refuse(t("file.errors.empty"));
      onLoaded({ name: file.name, headers: header.cells.map((h) => h.trim()), records, rowCount });
    } catch (e) {
      const code = e instanceof Error && "code" in e ? String(e.code) : null;
      if (code === "tooManyRows") refuse(t("file.errors.tooManyRows", { max: MAX_ROWS }));
      else if (code === "notWorkbook" || code === "legacyXls" || code === "tooLargeUnpacked") refuse(t(`file.errors.${code}`));
      else if (e instanceof CsvParseError) refuse(t("file.errors.unterminatedQuote", { row: e.row }));
      else refuse(t("file.errors.unreadable"));
    } finally {
      setReading(false);
    }
  }

  function downloadTemplate() {
    downloadCsv("enterprise-import-template.csv", IMPORT_FIELDS.map((f) => t(`fields.${f}`)), []);
  }

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t("file.label")}
        </label>
        <input
          id={id}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onChange}
          disabled={reading}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-hint ${id}-error`}
          className="block w-full text-sm file:mr-3 file:min-h-11 sm:file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium hover:file:bg-slate-100"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("file.hint", { max: MAX_ROWS })}
        </p>
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
        <p role="status" className="text-sm text-slate-600">
          {reading ? t("file.reading") : null}
        </p>
      </div>
      <Button variant="ghost" onClick={downloadTemplate} className="-ml-4">
        {t("file.template")}
      </Button>
    </section>
  );
}
