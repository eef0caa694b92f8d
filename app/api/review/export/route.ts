import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/read-db";
import { auditExport } from "@/lib/audit-log/exports";
import { getViewer } from "@/lib/auth/session";
import { parseReviewFilters } from "@/lib/review/filters";
import { reviewSheet } from "@/lib/review/export";
import { isReviewTableId, loadReviewTable, type Tr } from "@/lib/review/tables";
import { exportResponse, parseExportFormat, plainAnswer } from "@/lib/xlsx/response";

export const dynamic = "force-dynamic";

/**
 * One dashboard table as CSV (the default) or .xlsx (`format=xlsx`), in exact yuan, computed by
 * the same queries and scoped to the caller like the page.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const t = (await getTranslations()) as unknown as Tr;
  if (!viewer) return plainAnswer(401, t("errors.unauthenticated"));
  const params = request.nextUrl.searchParams;
  const id = params.get("table");
  if (!isReviewTableId(id)) return plainAnswer(404, t("errors.notFound"));
  const format = parseExportFormat(params);
  if (!format) return plainAnswer(400, t("export.badRequest"));
  const f = parseReviewFilters(params);
  const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
  const table = await loadReviewTable({ db, viewer, f, t, locale, exact: true }, id);
  await auditExport(viewer, "review", request.nextUrl.searchParams);
  return exportResponse(format, `review-${id}-${f.year}`, [reviewSheet(table)]);
}
