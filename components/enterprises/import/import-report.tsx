"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { countStatuses, type ImportRowResult, type ImportStatus } from "@/lib/enterprises/import/report";
import { downloadCsv } from "./download";

const SHOWN = 200;

const BADGE: Record<ImportStatus, string> = {
  new: "bg-green-50 text-green-800 ring-green-600/30",
  created: "bg-green-50 text-green-800 ring-green-600/30",
  duplicate: "bg-amber-50 text-amber-900 ring-amber-600/30",
  invalid: "bg-red-50 text-red-800 ring-red-600/30",
};

type Translate = ReturnType<typeof useTranslations<"import">>;
/** Row errors carry catalogue keys from any namespace (validation.*, enterpriseContacts.*). */
type TranslateKey = { (key: string): string; has(key: string): boolean };

/** The row's explanation; `link` renders an existing record's name (a link on screen, text in the CSV). */
function details(r: ImportRowResult, t: Translate, tAll: TranslateKey, link: (id: string, name: string) => ReactNode) {
  switch (r.status) {
    case "new":
      return t("reason.willCreate");
    case "created":
      return t("reason.created");
    case "invalid":
      return r.errors
        .map((e) => t("reason.error", { field: t(`fields.${e.field}`), message: tAll.has(e.message) ? tAll(e.message) : tAll("validation.invalid") }))
        .join(" ");
    case "duplicate": {
      const { reason } = r;
      if (reason.kind === "inFile") return t(reason.match === "creditCode" ? "reason.inFileCode" : "reason.inFileName", { row: reason.row });
      if (!reason.id || reason.name === null) return t("reason.existingHidden");
      const key = reason.match === "creditCode" ? "reason.existingCode" : "reason.existingName";
      const { id, name } = reason;
      return t.rich(key, { name, link: () => link(id, name) });
    }
  }
}

/** Counts, a filter by status, the rows with their reasons, and the whole report as CSV. */
export function ImportReport({ results, statuses, fileName }: { results: ImportRowResult[]; statuses: ImportStatus[]; fileName: string }) {
  const t = useTranslations("import");
  // Root keys: validation (a field's error)
  const tAll = useTranslations() as unknown as TranslateKey;
  const [filter, setFilter] = useState<ImportStatus | "all">("all");
  const counts = countStatuses(results);
  const rows = filter === "all" ? results : results.filter((r) => r.status === filter);

  function download() {
    const plain = (_id: string, name: string) => name;
    const text = (r: ImportRowResult) =>
      r.status === "duplicate" && r.reason.kind === "existing" && r.reason.id && r.reason.name !== null
        ? t.markup(r.reason.match === "creditCode" ? "reason.existingCode" : "reason.existingName", { name: r.reason.name, link: (chunks) => chunks })
        : String(details(r, t, tAll, plain));
    downloadCsv(
      `${fileName.replace(/\.csv$/i, "")}-report.csv`,
      [t("report.columns.row"), t("report.columns.name"), t("report.columns.status"), t("report.columns.details")],
      results.map((r) => [r.row, r.name, t(`status.${r.status}`), text(r)]),
    );
  }

  const filters: (ImportStatus | "all")[] = ["all", ...statuses];
  const badge = (status: ImportStatus) => (
    <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[status]}`}>{t(`status.${status}`)}</span>
  );
  return (
    <div className="space-y-3">
      <div role="group" aria-label={t("report.filter")} className="flex flex-wrap gap-2">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            className="min-h-10 rounded-full border border-slate-300 px-3 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
          >
            {f === "all" ? t("report.all") : t(`status.${f}`)} <span className="font-semibold">{f === "all" ? results.length : counts[f]}</span>
          </button>
        ))}
        <Button variant="ghost" onClick={download} className="ml-auto">
          {t("report.download")}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("report.noRows")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("report.columns.row")}</th>
                <th scope="col" className="px-3 py-2">{t("report.columns.name")}</th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">{t("report.columns.status")}</th>
                <th scope="col" className="px-3 py-2">{t("report.columns.details")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.slice(0, SHOWN).map((r) => (
                <tr key={r.row}>
                  <td className="px-3 py-2 tabular-nums text-slate-500">{r.row}</td>
                  <td className="min-w-24 px-3 py-2 font-medium sm:min-w-40">
                    {r.status === "created" ? (
                      <Link href={`/enterprises/${r.id}`} className="text-brand-700 hover:underline">
                        {r.name}
                      </Link>
                    ) : (
                      r.name || <span className="text-slate-500">{t("report.noName")}</span>
                    )}
                    <div className="mt-1 sm:hidden">{badge(r.status)}</div>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{badge(r.status)}</td>
                  <td className="px-3 py-2 text-slate-700 sm:min-w-48">
                    {details(r, t, tAll, (id, name) => (
                      <Link href={`/enterprises/${id}`} className="text-brand-700 underline">
                        {name}
                      </Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > SHOWN ? <p className="text-sm text-slate-500">{t("report.showing", { shown: SHOWN, total: rows.length })}</p> : null}
    </div>
  );
}
