import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MonthlyReportSection } from "@/components/review/monthly-report-view";
import { PrintPageButton } from "@/components/review/print-button";
import { buttonClass } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { getReadDb } from "@/lib/read-db";
import { listTeams } from "@/lib/reference/queries";
import { formatReportMonth, getMonthlyReport, parseReportParams } from "@/lib/review/monthly-report";
import { reportSections } from "@/lib/review/monthly-sections";
import { shanghaiParts } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("monthlyReport");
  return { title: t("title") };
}

type Tr = (key: string, values?: Record<string, string | number>) => string;

/** A CSS string literal: quotes, backslashes and anything that could end the style element escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;

/**
 * A4 pages with the bureau's name and the report's title in the top margin and "page n of m" in
 * the bottom margin (CSS page-margin boxes, which Chromium prints, "Save as PDF" included); the
 * app's header and the report's controls are left off the paper.
 */
function printCss(bureau: string, title: string, pageOf: string): string {
  // pageOf holds \u0001 and \u0002 where the page number and the number of pages go.
  const [before, middle, after] = pageOf.split(/[\u0001\u0002]/);
  const counter = `${cssString(before ?? "")} counter(page) ${cssString(middle ?? "")} counter(pages) ${cssString(after ?? "")}`;
  const box = "font-size: 8.5pt; color: #475569;";
  return `@page { size: A4; margin: 16mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(bureau)}; ${box} }
  @top-right { content: ${cssString(title)}; ${box} }
  @bottom-center { content: ${counter}; ${box} } }
@media print {
  header:has(~ main#main) { display: none !important; }
  main#main { max-width: none; padding: 0; }
  body { background: #fff; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, .report-figures { break-inside: avoid; }
  .report-section h2 { break-after: avoid; }
}`;
}

export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const [db, locale, all, t] = await Promise.all([getReadDb(), getLocale(), getTranslations(), getTranslations("monthlyReport")]);
  const teams = await listTeams(db);
  const params = parseReportParams(await searchParams, teams.map((tm) => tm.id));
  // A malformed month or team, or a team that does not exist: nothing to report on.
  if (!params.ok) notFound();
  const { month, team } = params;
  const report = await getMonthlyReport(db, viewer, month, team);
  const sections = reportSections(report, { t: all as unknown as Tr, locale, exact: false });
  const teamRow = teams.find((tm) => tm.id === team);
  const scope = teamRow ? primaryName(teamRow, locale).first : t("wholeBureau");
  const monthLabel = t("monthLabel", { year: month.year, month: month.month });
  const bureau = t("bureau");
  const heading = `${t("title")} · ${monthLabel} · ${scope}`;
  const query = new URLSearchParams({ month: formatReportMonth(month), ...(team ? { team } : {}) }).toString();
  const generated = shanghaiParts();

  return (
    <div className="space-y-6">
      <style>{printCss(bureau, heading, t("print.pageOf", { page: "\u0001", pages: "\u0002" }))}</style>
      <div className="space-y-3 print:hidden">
        <Link href="/review" className="text-sm text-brand-700 hover:underline">
          ← {t("backToReview")}
        </Link>
        <form method="get" action="/review/monthly" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filters.month")}</span>
            <input type="month" name="month" defaultValue={formatReportMonth(month)} min="2000-01" max="2100-12" required className="min-h-11 rounded-md border border-slate-300 px-3 sm:min-h-10" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filters.team")}</span>
            <select name="team" defaultValue={team ?? ""} className="min-h-11 rounded-md border border-slate-300 px-3 sm:min-h-10">
              <option value="">{t("wholeBureau")}</option>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {primaryName(tm, locale).first}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("filters.apply")}
          </button>
          <div className="flex flex-wrap items-center gap-3 sm:ml-auto">
            <a href={`/api/review/monthly?${query}`} download className={buttonClass("secondary")}>
              {t("downloadXlsx")}
            </a>
            <PrintPageButton label={t("print.button")} />
          </div>
        </form>
      </div>

      <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
        <header className="space-y-1 border-b border-slate-300 pb-3 text-center">
          <p className="text-sm text-slate-600">{bureau}</p>
          <h1 className="text-2xl font-semibold print:text-[16pt]">{t("title")}</h1>
          <p className="text-slate-700">
            {monthLabel} · {scope}
          </p>
          <p className="text-xs text-slate-500">{t("generated", { date: `${generated.date} ${generated.time}`, name: viewer.name })}</p>
        </header>
        {sections.map((section) => (
          <MonthlyReportSection key={section.id} section={section} />
        ))}
        <footer className="space-y-1 border-t border-slate-200 pt-3 text-xs text-slate-600">
          <h2 className="font-semibold text-slate-700">{t("notes.title")}</h2>
          <p>{t("notes.scope")}</p>
          <p>{t("notes.figures")}</p>
          <p>{t("notes.alerts")}</p>
        </footer>
      </article>
    </div>
  );
}
