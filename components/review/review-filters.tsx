import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ReviewFilters } from "@/lib/review/filters";

interface Option {
  id: string;
  nameZh: string;
  nameEn: string;
}

const SELECT = "block min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:min-h-0";

/** A plain GET form: the choice lands in the URL, so a review can be bookmarked and works without script. */
export function ReviewFilterForm({ filters, years, teams, chains }: { filters: ReviewFilters; years: number[]; teams: Option[]; chains: Option[] }) {
  const t = useTranslations("review.filters");
  const locale = useLocale();
  const label = (o: Option) => (locale === "en" ? o.nameEn : o.nameZh);
  const field = (name: string, title: string, value: string, options: { value: string; label: string }[], all?: string) => (
    <label className="min-w-36 flex-1 space-y-1 text-sm sm:flex-none">
      <span className="block font-medium text-slate-700">{title}</span>
      <select name={name} defaultValue={value} className={SELECT}>
        {all ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/review" aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      {field("year", t("year"), String(filters.year), years.map((y) => ({ value: String(y), label: String(y) })))}
      {field("team", t("team"), filters.team ?? "", teams.map((o) => ({ value: o.id, label: label(o) })), t("allTeams"))}
      {field("chain", t("chain"), filters.chain ?? "", chains.map((o) => ({ value: o.id, label: label(o) })), t("allChains"))}
      <Button type="submit">{t("apply")}</Button>
    </form>
  );
}
