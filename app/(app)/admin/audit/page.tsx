import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditEntryCard } from "@/components/admin/audit-entry";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { getDb } from "@/db";
import { AUDIT_RECORD_TYPES, auditFilterQuery, listAuditEntries, listAuditPeople, parseAuditFilters } from "@/lib/audit-log/queries";
import { requireViewer } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(raw: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") params.set(k, v);
  return params;
}

/** The audit log for admins: filter by person, record, action and days; each entry's before and after side by side. */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") notFound();
  const f = parseAuditFilters(toParams(await searchParams));
  const [db, locale, t] = await Promise.all([getDb(), getLocale(), getTranslations("auditLog")]);
  const [{ entries, nextBefore }, people] = await Promise.all([listAuditEntries(db, viewer, f, locale), listAuditPeople(db, viewer)]);
  const filtered = auditFilterQuery(f);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      <form method="get" action="/admin/audit" aria-label={t("filters")} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField name="person" label={t("person")} none={t("anyone")} defaultValue={f.person ?? ""} options={people.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.email})` : p.email }))} />
        <SelectField name="type" label={t("type")} none={t("anyType")} defaultValue={f.type ?? ""} options={AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))} />
        <Field name="record" label={t("record")}>
          {(p) => <input {...p} type="text" defaultValue={f.record ?? ""} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field name="action" label={t("action")} hint={t("actionHint")}>
          {(p) => <input {...p} type="text" defaultValue={f.action ?? ""} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field name="from" label={t("from")}>
          {(p) => <input {...p} type="date" defaultValue={f.from ?? ""} />}
        </Field>
        <Field name="to" label={t("to")}>
          {(p) => <input {...p} type="date" defaultValue={f.to ?? ""} />}
        </Field>
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
          {filtered ? (
            <Link href="/admin/audit" className={buttonClass("ghost")}>
              {t("clear")}
            </Link>
          ) : null}
          <a href={`/api/admin/audit/export${filtered ? `?${filtered}` : ""}`} className={buttonClass("secondary", "ml-auto")} download>
            {t("export")}
          </a>
        </div>
      </form>

      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("title")}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <AuditEntryCard entry={entry} locale={locale} filterHref={entry.entityId ? `/admin/audit?${auditFilterQuery({ type: entry.entityType as (typeof AUDIT_RECORD_TYPES)[number], record: entry.entityId })}` : null} />
            </li>
          ))}
        </ol>
      )}

      <nav className="flex flex-wrap justify-between gap-2" aria-label={t("title")}>
        {f.before ? (
          <Link href={`/admin/audit${filtered ? `?${filtered}` : ""}`} className={buttonClass("ghost")}>
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={`/admin/audit?${auditFilterQuery(f, { before: String(nextBefore) })}`} className={buttonClass("secondary")}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
