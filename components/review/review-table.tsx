import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type DisplayUnit, groupDigits, inDisplayUnit } from "@/lib/money";
import type { Cell, ReviewTable } from "@/lib/review/cells";

/** A cell's value, linked to the pipeline list of the projects behind it when it has them. */
function CellValue({ cell, unit }: { cell: Cell; unit: DisplayUnit }) {
  if (!cell.href) return <Value cell={cell} unit={unit} />;
  return (
    <Link href={cell.href} className="inline-flex min-h-11 items-center text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700 sm:min-h-0">
      <Value cell={cell} unit={unit} />
    </Link>
  );
}

/** A cell's value; an amount in the table's unit, which its header names (lib/money.ts). */
function Value({ cell, unit }: { cell: Cell; unit: DisplayUnit }) {
  const locale = useLocale();
  switch (cell.kind) {
    case "money":
      return <span className="tabular-nums">{groupDigits(inDisplayUnit(cell.value, unit), locale)}</span>;
    case "count":
      return <span className="tabular-nums">{groupDigits(String(cell.value), locale)}</span>;
    case "percent":
      return <span className="tabular-nums">{cell.value === null ? "—" : `${cell.value}%`}</span>;
    case "days":
      return <span className="tabular-nums">{groupDigits(cell.value, locale)}</span>;
    default:
      return <>{cell.value}</>;
  }
}

/**
 * One dashboard section: its title, an optional chart, then the same figures as a real table
 * (what screen readers and the CSV export read) and the export link.
 */
export function ReviewSection({ table, exportHref, chart }: { table: ReviewTable; exportHref: string; chart?: ReactNode }) {
  const t = useTranslations("review");
  const tx = useTranslations("export");
  const headingId = `review-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">{table.caption}</h2>
        <a href={exportHref} download className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline sm:min-h-0" aria-label={t("exportCsvOf", { table: table.caption })}>
          {t("exportCsv")}
        </a>
      </div>
      {chart}
      {table.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-review-table={table.id}>
            <caption className="sr-only">{table.caption}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                {table.columns.map((c, i) => (
                  // A header sits over its column's values: text (a stage, a name) to the left, figures to the right.
                  <th key={c} scope="col" className={`px-2 py-1.5 font-medium ${i > 0 && table.rows[0]?.[i]?.kind !== "text" ? "text-right" : "text-left"}`}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-100 last:border-0">
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="px-2 py-1.5 text-left font-normal">{<CellValue cell={cell} unit={table.unit} />}</th>
                    ) : (
                      <td key={i} className={`px-2 py-1.5 ${cell.kind === "text" ? "text-left" : "text-right"}`}><CellValue cell={cell} unit={table.unit} /></td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-right text-sm">
        <a href={`${exportHref}${exportHref.includes("?") ? "&" : "?"}format=xlsx`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline sm:min-h-0" aria-label={tx("xlsxOf", { table: table.caption })}>
          {tx("linkXlsx")}
        </a>
      </p>
    </section>
  );
}
