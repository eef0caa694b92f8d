import { useLocale, useTranslations } from "next-intl";
import { groupDigits, inDisplayUnit } from "@/lib/money";
import type { ReportSection } from "@/lib/review/monthly-sections";
import type { ExportCell } from "@/lib/xlsx/cells";
import { localTime } from "@/lib/xlsx/cells";

// Names keep a readable width on a phone (the table scrolls) but not on paper; days and times never break.
const CELL_CLASS: Record<ExportCell["kind"], string> = {
  text: "min-w-32 text-left print:min-w-0",
  date: "whitespace-nowrap text-left",
  datetime: "whitespace-nowrap text-left",
  count: "whitespace-nowrap text-right",
  yuan: "whitespace-nowrap text-right",
  percent: "whitespace-nowrap text-right",
  decimal: "whitespace-nowrap text-right",
};

/** A cell as the page shows it: amounts in the section's unit, which its header names. */
function CellText({ cell, section }: { cell: ExportCell; section: ReportSection }) {
  const locale = useLocale();
  if (cell.value === null) return <>—</>;
  switch (cell.kind) {
    case "yuan":
      return <span className="tabular-nums">{groupDigits(inDisplayUnit(cell.value, section.unit), locale)}</span>;
    case "count":
      return <span className="tabular-nums">{groupDigits(String(cell.value), locale)}</span>;
    case "percent":
      return <span className="tabular-nums">{`${cell.value}%`}</span>;
    case "decimal":
      return <span className="tabular-nums">{groupDigits(cell.value, locale)}</span>;
    case "datetime":
      return <span className="tabular-nums">{localTime(cell.value)}</span>;
    case "date":
      return <span className="tabular-nums">{cell.value}</span>;
    default:
      return <>{cell.value}</>;
  }
}

/** One section of the monthly report: its heading and its table (or a line saying it is empty). */
export function MonthlyReportSection({ section }: { section: ReportSection }) {
  const t = useTranslations("monthlyReport");
  const headingId = `monthly-${section.id}`;
  const numeric = (i: number) => section.columns[i]!.kind !== "text" && section.columns[i]!.kind !== "date" && section.columns[i]!.kind !== "datetime";
  return (
    <section aria-labelledby={headingId} className="report-section min-w-0 space-y-2">
      <h2 id={headingId} className="text-base font-semibold print:text-[11pt]">
        {section.title}
        <span className="ml-2 text-sm font-normal text-slate-500">{t("count", { count: section.rows.length })}</span>
      </h2>
      {section.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t(`empty.${section.id}`)}</p>
      ) : (
        <div className="overflow-x-auto print:overflow-visible">
          <table className="min-w-full text-sm print:text-[9pt]" data-report-section={section.id}>
            <caption className="sr-only">{section.title}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-600">
                {section.columns.map((c, i) => (
                  <th key={c.header} scope="col" className={`whitespace-nowrap px-2 py-1.5 font-medium ${numeric(i) ? "text-right" : "text-left"}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-100 last:border-0">
                  {row.map((cell, i) => (
                    <td key={i} className={`px-2 py-1.5 align-top ${CELL_CLASS[cell.kind]}`}>
                      <CellText cell={cell} section={section} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
