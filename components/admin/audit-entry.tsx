import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type AuditEntry, fieldChanges } from "@/lib/audit-log/queries";
import { formatAuditTime, recordHref } from "@/lib/audit-log/format";
import { ChangesTable } from "@/components/audit/changes-table";

/** One entry: when, who, what, on which record, and the fields it changed with their values before and after. */
export async function AuditEntryCard({ entry, locale, filterHref }: { entry: AuditEntry; locale: string; filterHref: string | null }) {
  const t = await getTranslations("auditLog");
  const changes = fieldChanges(entry.before, entry.after);
  const href = recordHref(entry.entityType, entry.entityId);
  const typeKey = `types.${entry.entityType}` as "types.enterprise";
  const typeName = t.has(typeKey) ? t(typeKey) : entry.entityType;
  const recordName = entry.label ?? entry.entityId ?? "";
  return (
    <article className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-label={`${entry.action} ${recordName}`}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <time dateTime={entry.at.toISOString()} className="tabular-nums text-slate-600">
          {formatAuditTime(entry.at, locale)}
        </time>
        <span className="font-medium text-slate-900">{entry.actorName ?? entry.actorEmail ?? t("system")}</span>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{entry.action}</code>
        <span className="text-slate-600">
          <span className="mr-1.5 rounded border border-slate-200 px-1.5 py-0.5 text-xs">{typeName}</span>
          {href ? (
            <Link href={href} className="text-brand-700 underline underline-offset-2">
              {recordName}
            </Link>
          ) : (
            recordName
          )}
        </span>
        {filterHref ? (
          <Link href={filterHref} className="ml-auto inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2 sm:min-h-0">
            {t("onlyThis")}
          </Link>
        ) : null}
      </header>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("nothingShown")}</p>
      ) : (
        <ChangesTable changes={changes} labels={{ field: t("field"), before: t("before"), after: t("after") }} />
      )}
    </article>
  );
}
