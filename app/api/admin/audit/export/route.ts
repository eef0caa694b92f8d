import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { auditAccess } from "@/lib/audit";
import { formatAuditTime } from "@/lib/audit-log/format";
import { listAuditEntries, parseAuditFilters } from "@/lib/audit-log/queries";
import { getViewer } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/write";
import { shanghaiDay } from "@/lib/time";

export const dynamic = "force-dynamic";

/** At most this many entries per file; narrower filters give the rest. */
const MAX_ROWS = 10_000;

const plain = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The audit log with the page's filters, as CSV; admins only, and the export is itself logged. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const t = (await getTranslations()) as unknown as (key: string) => string;
  if (!viewer) return plain(401, t("errors.unauthenticated"));
  if (viewer.role !== "admin") return plain(404, t("errors.notFound"));
  const f = parseAuditFilters(request.nextUrl.searchParams);
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  const { entries } = await listAuditEntries(db, viewer, f, locale, MAX_ROWS);
  const header = ["at", "person", "email", "action", "type", "record", "label", "before", "after"].map((k) => t(`auditLog.csv.${k}`));
  const rows = entries.map((e) => [
    formatAuditTime(e.at, "en-CA"),
    e.actorName,
    e.actorEmail,
    e.action,
    e.entityType,
    e.entityId,
    e.label,
    e.before == null ? null : JSON.stringify(e.before),
    e.after == null ? null : JSON.stringify(e.after),
  ]);
  await auditAccess(db, viewer.id, "audit.export", "audit_log", null, { filters: f, rows: rows.length });
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${shanghaiDay()}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
