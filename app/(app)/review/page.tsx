import { getLocale, getTranslations } from "next-intl/server";
import { ChartFrame } from "@/components/review/chart-frame";
import { ReviewFilterForm } from "@/components/review/review-filters";
import { ReviewTabs } from "@/components/review/review-tabs";
import { ReviewSection } from "@/components/review/review-table";
import { MonthlyReportLink } from "@/components/review/monthly-report-link";
import { getReadDb } from "@/lib/read-db";
import { requireViewer } from "@/lib/auth/session";
import { listChainsWithNodes, listTeams } from "@/lib/reference/queries";
import { chartPoints, type Series } from "@/lib/review/chart-points";
import { parseReviewFilters, reviewSearch } from "@/lib/review/filters";
import type { ReviewTable } from "@/lib/review/cells";
import { loadReviewTable, REVIEW_TABLES, type ReviewTableId, type Tr } from "@/lib/review/tables";
import { shanghaiYear } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

// A series is a column of the table; "money" takes the column's header, which names the table's unit.
type ChartKey = "count" | "rate" | "days" | "progress" | "money";
type ChartSpec = { series: [number, ChartKey][]; kind?: "bar" | "line"; horizontal?: boolean };

// Which columns each chart plots (other series labels are review.chart keys); the tables hold every column.
const CHARTS: Record<ReviewTableId, ChartSpec> = {
  funnel: { series: [[1, "count"]], horizontal: true },
  conversion: { series: [[4, "rate"]] },
  durations: { series: [[2, "days"]], horizontal: true },
  targets: { series: [[3, "progress"]], horizontal: true },
  monthly: { series: [[1, "money"], [2, "money"]], kind: "line" },
  byChain: { series: [[2, "money"]], horizontal: true },
  byTeam: { series: [[2, "money"]], horizontal: true },
  byOwner: { series: [[2, "money"]], horizontal: true },
  contracted: { series: [[2, "money"], [3, "money"]] },
};

const FOOTNOTES = ["scope", "funnel", "conversion", "durations", "targets", "contracted"] as const;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const f = parseReviewFilters(await searchParams);
  const [db, locale, t, all] = await Promise.all([getReadDb(), getLocale(), getTranslations("review"), getTranslations()]);
  const ctx = { db, viewer, f, t: all as unknown as Tr, locale };
  const [teams, chains, ...tables] = await Promise.all([
    listTeams(db),
    listChainsWithNodes(db),
    ...REVIEW_TABLES.map((id) => loadReviewTable(ctx, id)),
  ]);
  const series = (table: ReviewTable): Series[] =>
    CHARTS[table.id].series.map(([column, key]) => ({ column, label: key === "money" ? table.columns[column]! : t(`chart.${key}`) }));
  const thisYear = shanghaiYear();
  const years = [...new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3, f.year])].sort((a, b) => b - a);

  return (
    <div className="space-y-6">
      <ReviewTabs current="dashboard" />
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <MonthlyReportLink year={f.year} team={f.team} />
      </div>
      <ReviewFilterForm filters={f} years={years} teams={teams} chains={chains} />
      <div className="grid gap-4 lg:grid-cols-2">
        {tables.map((table) => (
          <ReviewSection
            key={table.id}
            table={table}
            exportHref={`/api/review/export${reviewSearch(f, { table: table.id })}`}
            chart={
              <ChartFrame
                data={chartPoints(table, series(table))}
                labels={series(table).map((s) => s.label)}
                kind={CHARTS[table.id].kind}
                horizontal={CHARTS[table.id].horizontal}
              />
            }
          />
        ))}
      </div>
      <footer className="space-y-1 text-xs text-slate-600">
        <h2 className="font-semibold text-slate-700">{t("footnote.title")}</h2>
        {FOOTNOTES.map((key) => (
          <p key={key}>{t(`footnote.${key}`)}</p>
        ))}
      </footer>
    </div>
  );
}
