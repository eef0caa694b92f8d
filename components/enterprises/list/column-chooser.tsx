import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { COLUMNS, type EnterpriseFilters, filtersToQuery, visibleColumns } from "@/lib/enterprises/filters";

/** Which columns to show, kept in the URL (`cols`) with the filters, so saved views keep it too. */
export async function ColumnChooser({ filters }: { filters: EnterpriseFilters }) {
  const t = await getTranslations("enterpriseList");
  const shown = new Set(visibleColumns(filters));
  const keep = new URLSearchParams(filtersToQuery(filters, { cols: undefined }));
  return (
    <details className="relative">
      <summary className={buttonClass("secondary", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>{t("columnsButton")}</summary>
      <form method="get" action="/enterprises" className="absolute right-0 z-20 mt-2 w-60 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        {[...keep].map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <fieldset className="space-y-1">
          <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("columnsLegend")}</legend>
          {COLUMNS.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="cols" value={c} defaultChecked={shown.has(c)} className="size-4" />
              {t(`columns.${c}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={buttonClass("primary", "w-full")}>
          {t("columnsApply")}
        </button>
      </form>
    </details>
  );
}
