import "server-only";
import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Db } from "@/db";
import { auditExport } from "@/lib/audit-log/exports";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { getReadDb } from "@/lib/read-db";
import { shanghaiDay } from "@/lib/time";
import { csvSheetStream } from "@/lib/csv/write";
import type { ExportSheet } from "./cells";
import { xlsxStream } from "./write";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `?format=`: CSV when absent, null when it names anything else (the route answers 400). */
export function parseExportFormat(params: URLSearchParams): ExportFormat | null {
  const raw = params.get("format");
  if (raw === null || raw === "") return "csv";
  return (EXPORT_FORMATS as readonly string[]).includes(raw) ? (raw as ExportFormat) : null;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A download of the sheets as CSV (the first sheet; CSV has one) or .xlsx (every sheet), streamed.
 * `fileName` has no extension and only ASCII, so no header encoding is needed.
 */
export function exportResponse(format: ExportFormat, fileName: string, sheets: readonly ExportSheet[]): Response {
  const body = format === "xlsx" ? xlsxStream(sheets) : csvSheetStream(sheets[0]!);
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${fileName}.${format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A plain-text answer for a refused export (401, 400, 404). */
export const plainAnswer = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

type Tr = (key: string) => string;

/**
 * The GET handler of a list's download (`?format=csv|xlsx` beside the list's own filters): the
 * caller signed in, the format known, the rows read from a replica when one keeps up, the
 * download logged with its query, then streamed.
 */
export function listExportRoute(what: string, fileName: string, sheet: (ctx: { db: Db; viewer: Viewer; params: URLSearchParams; t: Tr; locale: string }) => ExportSheet) {
  return async function GET(request: NextRequest) {
    const viewer = await getViewer();
    const t = (await getTranslations()) as unknown as Tr;
    if (!viewer) return plainAnswer(401, t("errors.unauthenticated"));
    const params = request.nextUrl.searchParams;
    const format = parseExportFormat(params);
    if (!format) return plainAnswer(400, t("export.badRequest"));
    const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
    const body = sheet({ db, viewer, params, t, locale });
    await auditExport(viewer, what, params);
    return exportResponse(format, `${fileName}-${shanghaiDay()}`, [body]);
  };
}
