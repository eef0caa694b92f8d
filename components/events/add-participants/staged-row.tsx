"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { PARTICIPANT_ROLES } from "@/db/enums";
import { primaryName } from "@/lib/i18n/display";
import type { Role, StagedRow } from "./staged";

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base sm:text-sm aria-[invalid=true]:border-red-600";

/** One row waiting to be added: matched (a link) or new (editable names), its role, and why it was held back. */
export function StagedRowView({ row, index, onChange, onRemove }: { row: StagedRow; index: number; onChange: (row: StagedRow) => void; onRemove: () => void }) {
  const t = useTranslations("events.add");
  const roleName = useTranslations("events.roles");
  // Root keys: events.add, validation (why a row cannot be used)
  const tRoot = useTranslations();
  const te = useTranslations("enterprises");
  const locale = useLocale();
  const n = index + 1;
  const problemId = `${row.key}-problem`;
  const problem = row.problem;
  const label = row.kind === "existing" ? primaryName(row.enterprise, locale).first : row.nameZh || row.nameEn || t("newUnnamed");

  return (
    <li className="space-y-2 py-3" data-testid="staged-row" aria-describedby={problem ? problemId : undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${row.kind === "new" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}>
          {row.kind === "new" ? t("new") : t("matched")}
        </span>
        {row.kind === "existing" ? (
          <Link href={`/enterprises/${row.enterprise.id}`} target="_blank" className="min-w-0 flex-1 truncate font-medium text-brand-700 hover:underline">
            {label}
          </Link>
        ) : (
          <span className="min-w-0 flex-1 truncate font-medium">{label}</span>
        )}
        <select
          aria-label={t("roleOf", { name: label })}
          value={row.role}
          onChange={(e) => onChange({ ...row, role: e.target.value as Role })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
        <button type="button" onClick={onRemove} className="text-sm text-slate-600 hover:underline" aria-label={t("unstage", { name: label })}>
          {t("unstageShort")}
        </button>
      </div>
      {row.kind === "new" ? (
        <div className="grid gap-2 sm:grid-cols-4">
          <input aria-label={t("nameZhOf", { n })} placeholder={t("nameZh")} value={row.nameZh} onChange={(e) => onChange({ ...row, nameZh: e.target.value })} className={INPUT} aria-invalid={problem !== undefined && "similar" in problem} />
          <input aria-label={t("nameEnOf", { n })} placeholder={t("nameEn")} value={row.nameEn} onChange={(e) => onChange({ ...row, nameEn: e.target.value })} className={INPUT} />
          <input aria-label={t("countryOf", { n })} placeholder={t("country")} value={row.country} maxLength={2} onChange={(e) => onChange({ ...row, country: e.target.value.toUpperCase() })} className={INPUT} />
          <input
            aria-label={t("creditCodeOf", { n })}
            placeholder={t("creditCode")}
            value={row.creditCode}
            onChange={(e) => onChange({ ...row, creditCode: e.target.value })}
            className={INPUT}
            aria-invalid={problem !== undefined && "reason" in problem && problem.reason.includes("creditCode")}
          />
        </div>
      ) : null}
      {row.kind === "new" && row.aliases.length ? (
        <p className="text-xs text-slate-600">
          {te("fields.aliases")}: {row.aliases.join(locale === "en" ? ", " : "、")}
        </p>
      ) : null}
      {problem ? (
        <div id={problemId} role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {"reason" in problem ? (
            <p>{tRoot(problem.reason as never)}</p>
          ) : (
            <>
              <p>{t("similar")}</p>
              <ul className="ml-4 list-disc">
                {problem.similar.map((c) => (
                  <li key={c.id}>
                    <Link href={`/enterprises/${c.id}`} target="_blank" className="text-brand-700 underline">
                      {primaryName(c, locale).first}
                    </Link>
                    {primaryName(c, locale).second ? <span> · {primaryName(c, locale).second}</span> : null}
                    {c.aliases?.length ? <span> · {c.aliases.join(locale === "en" ? ", " : "、")}</span> : null}
                    <button
                      type="button"
                      onClick={() => onChange({ key: row.key, role: row.role, kind: "existing", enterprise: c })}
                      className="ml-2 text-sm font-medium text-brand-700 hover:underline"
                    >
                      {t("useExisting")}
                    </button>
                  </li>
                ))}
              </ul>
              {row.kind === "new" ? (
                <label className="mt-2 flex items-center gap-2">
                  <input type="checkbox" checked={row.confirmSimilar} onChange={(e) => onChange({ ...row, confirmSimilar: e.target.checked })} className="size-4" />
                  {t("confirmSimilar")}
                </label>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}
