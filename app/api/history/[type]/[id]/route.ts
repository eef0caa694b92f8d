import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { HISTORY_RECORD_TYPES, type HistoryRecordType, listRecordHistory } from "@/lib/audit-log/history";
import { getViewer } from "@/lib/auth/session";
import { formatAuditTime } from "@/lib/audit-log/format";
import { uuidParam } from "@/lib/validation";

export const dynamic = "force-dynamic";

// Where each kind's field names are spelled out for readers.
const FIELD_NAMESPACES: Record<HistoryRecordType, string> = {
  project: "projects.form",
  event: "events.form",
  delegation: "delegations.form",
  visit: "visits.fields",
};

const isType = (type: string): type is HistoryRecordType => (HISTORY_RECORD_TYPES as string[]).includes(type);

/**
 * A record's history for its page, in the reader's words: who did what when, and each changed
 * field's value before and after. The same 404 as the page for anyone who may not see the record.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new NextResponse(null, { status: 401 });
  const { type, id } = await params;
  if (!isType(type) || !uuidParam.safeParse(id).success) return new NextResponse(null, { status: 404 });
  const [db, locale, t] = await Promise.all([getDb(), getLocale(), getTranslations()]);
  const entries = await listRecordHistory(db, viewer, type, id);
  if (!entries) return new NextResponse(null, { status: 404 });
  const tr = t as unknown as { (key: string): string; has(key: string): boolean };
  const word = (keys: string[], fallback: string) => {
    const key = keys.find((k) => tr.has(k));
    return key ? tr(key) : fallback;
  };
  const body = entries.map((e) => ({
    id: e.id,
    at: formatAuditTime(new Date(e.at), locale),
    what: word([`auditLog.actions.${e.action.replace(".", "_")}`], e.action),
    who: e.actor,
    // A creation lists every field: its values are the record as the page shows it.
    changes: e.action.endsWith(".create")
      ? []
      : e.changes.map((c) => ({ field: word([`${FIELD_NAMESPACES[type]}.${c.field}`, `enterpriseTimeline.fields.${c.field}`], c.field), before: c.before, after: c.after })),
  }));
  return NextResponse.json({ entries: body }, { headers: { "cache-control": "private, no-store" } });
}
