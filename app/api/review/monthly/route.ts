import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/read-db";
import { auditExport } from "@/lib/audit-log/exports";
import { getViewer } from "@/lib/auth/session";
import { listTeams } from "@/lib/reference/queries";
import { formatReportMonth, getMonthlyReport, parseReportParams } from "@/lib/review/monthly-report";
import { reportSections } from "@/lib/review/monthly-sections";
import { exportResponse, plainAnswer } from "@/lib/xlsx/response";

export const dynamic = "force-dynamic";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/** The monthly report as an .xlsx workbook, one sheet per section, in exact yuan; scoped to the caller like the page. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const t = (await getTranslations()) as unknown as Tr;
  if (!viewer) return plainAnswer(401, t("errors.unauthenticated"));
  const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
  const teams = await listTeams(db);
  const params = parseReportParams(request.nextUrl.searchParams, teams.map((tm) => tm.id));
  if (!params.ok) return plainAnswer(params.status, params.status === 404 ? t("errors.notFound") : t("monthlyReport.badRequest"));
  const report = await getMonthlyReport(db, viewer, params.month, params.team);
  const sections = reportSections(report, { t, locale, exact: true });
  const sheets = sections.map((s) => ({ name: s.title, columns: s.columns, rows: [s.rows] }));
  await auditExport(viewer, "monthly_report", request.nextUrl.searchParams);
  return exportResponse("xlsx", `monthly-report-${formatReportMonth(params.month)}`, sheets);
}
