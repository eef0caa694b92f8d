import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/read-db";
import { getViewer } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/write";
import { parseReviewFilters } from "@/lib/review/filters";
import { isReviewTableId, loadReviewTable, type Tr } from "@/lib/review/tables";

export const dynamic = "force-dynamic";

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** One dashboard table as CSV (exact yuan), computed by the same queries and scoped to the caller like the page. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const t = (await getTranslations()) as unknown as Tr;
  if (!viewer) return plain(401, t("errors.unauthenticated"));
  const params = request.nextUrl.searchParams;
  const id = params.get("table");
  if (!isReviewTableId(id)) return plain(404, t("errors.notFound"));
  const f = parseReviewFilters(params);
  const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
  const table = await loadReviewTable({ db, viewer, f, t, locale, exact: true }, id);
  const body = toCsv(table.columns, table.rows.map((row) => row.map((cell) => cell.value)));
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="review-${id}-${f.year}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
