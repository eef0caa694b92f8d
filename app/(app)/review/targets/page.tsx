import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReviewTabs } from "@/components/review/review-tabs";
import { TargetForm } from "@/components/review/targets-form";
import { buttonClass } from "@/components/ui/button";
import { getReadDb } from "@/lib/read-db";
import { requireViewer } from "@/lib/auth/session";
import { shanghaiYear } from "@/lib/time";
import { primaryName } from "@/lib/i18n/display";
import { EMPTY_TARGET_FORM, targetFormValues } from "@/lib/review/target-values";
import { type EditableTarget, listEditableTargets } from "@/lib/review/targets";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("targets");
  return { title: t("title") };
}

/** The team's target as the form shows it; empty for a year without one. */
function formValues({ signedAmount, fundsInPlace, projectsSigned, projectsStarted }: EditableTarget) {
  return signedAmount !== null && fundsInPlace !== null && projectsSigned !== null && projectsStarted !== null
    ? targetFormValues({ signedAmount, fundsInPlace, projectsSigned, projectsStarted })
    : EMPTY_TARGET_FORM;
}

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const viewer = await requireViewer();
  if (viewer.role !== "manager" && viewer.role !== "admin") notFound();
  const { year: asked } = await searchParams;
  const thisYear = shanghaiYear();
  const parsed = Number.parseInt(Array.isArray(asked) ? (asked[0] ?? "") : (asked ?? ""), 10);
  const year = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : thisYear;
  const db = await getReadDb();
  const [rows, t, locale] = await Promise.all([listEditableTargets(db, viewer, year), getTranslations("targets"), getLocale()]);

  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "targets"]}>
      <div className="mx-auto max-w-4xl space-y-6">
        <ReviewTabs current="targets" />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="space-y-1">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-slate-600">{t("intro")}</p>
          </div>
          <form method="get" className="flex items-end gap-2">
            <div className="space-y-1">
              <label htmlFor="targets-year" className="block text-sm font-medium text-slate-800">{t("year")}</label>
              <input id="targets-year" name="year" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={year} className="block min-h-11 w-28 rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:min-h-0 sm:text-sm" />
            </div>
            <button type="submit" className={buttonClass("secondary", "px-3")}>{t("show")}</button>
          </form>
        </div>
        {rows.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p> : null}
        {rows.map((r) => (
          <TargetForm
            key={`${r.teamId}-${year}-${r.version ?? 0}`}
            year={year}
            teamId={r.teamId}
            teamName={primaryName({ nameZh: r.teamNameZh, nameEn: r.teamNameEn }, locale).first}
            version={r.version ?? 0}
            values={formValues(r)}
          />
        ))}
      </div>
    </ClientMessages>
  );
}
