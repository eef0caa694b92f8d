import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/enums";
import { type EnterpriseFilters, SORTS } from "@/lib/enterprises/filters";
import { COUNTRIES } from "@/lib/enterprises/countries";
import { countryName } from "@/lib/i18n/display";
import { OwnerSelect } from "./owner-select";
import { SearchInput } from "./search-input";

interface Named {
  id: string;
  nameZh: string;
  nameEn: string;
}

interface Props {
  filters: EnterpriseFilters;
  chains: (Named & { nodes: Named[] })[];
  teams: Named[];
  /** To name the owner already chosen; the select fetches the rest (OwnerSelect). */
  people: { id: string; name: string | null; email: string }[];
}

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

/** One of the filters: a labelled select whose first choice, "Any", leaves it unset. */
function FilterSelect({ label, name, value, anyLabel, children }: { label: string; name: string; value: string | undefined; anyLabel: string; children: ReactNode }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={SELECT}>
        <option value="">{anyLabel}</option>
        {children}
      </select>
    </label>
  );
}

/** A select's choices: each a value and the words shown for it. */
const options = (choices: { value: string; label: string }[]) =>
  choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));

/** A plain GET form: filters live in the URL, so a filtered list is a link anyone can open. */
export async function FilterForm({ filters: f, chains, teams, people }: Props) {
  const [t, te, locale] = await Promise.all([getTranslations("enterpriseList"), getTranslations("enterprises"), getLocale()]);
  const name = (n: Named) => (locale === "en" ? n.nameEn : n.nameZh);
  const owner = f.owner && f.owner !== "me" ? people.find((p) => p.id === f.owner) : undefined;
  const count = [f.chain, f.node, f.country, f.city, f.owner, f.team, f.size, f.ownership, f.active ? "1" : undefined].filter(Boolean).length;

  return (
    <form method="get" action="/enterprises" role="search" className="space-y-3">
      {f.cols ? <input type="hidden" name="cols" value={f.cols.join(",")} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput defaultValue={f.q} />
        <label className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">{t("sort")}</span>
          <select name="sort" defaultValue={f.sort} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="rounded-lg border border-slate-200 bg-white" open={count > 0}>
        <summary className="cursor-pointer px-4 py-2 text-sm font-medium">
          {t("filters")} <span className="text-slate-500">· {t("activeFilters", { count })}</span>
        </summary>
        <div className="grid gap-3 border-t border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect label={t("chain")} name="chain" value={f.chain} anyLabel={t("any")}>
            {options(chains.map((c) => ({ value: c.id, label: name(c) })))}
          </FilterSelect>
          <FilterSelect label={t("node")} name="node" value={f.node} anyLabel={t("any")}>
            {chains.map((c) => (
              <optgroup key={c.id} label={name(c)}>
                {options(c.nodes.map((n) => ({ value: n.id, label: name(n) })))}
              </optgroup>
            ))}
          </FilterSelect>
          <FilterSelect label={t("country")} name="country" value={f.country} anyLabel={t("any")}>
            {options(COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) })))}
          </FilterSelect>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("city")}</span>
            <input name="city" defaultValue={f.city ?? ""} className={SELECT} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("owner")}</span>
            <OwnerSelect selected={owner ? { id: owner.id, name: owner.name ?? owner.email } : null} anyLabel={t("any")} meLabel={t("ownerMe")} className={SELECT} />
          </label>
          <FilterSelect label={t("team")} name="team" value={f.team} anyLabel={t("any")}>
            {options(teams.map((team) => ({ value: team.id, label: name(team) })))}
          </FilterSelect>
          <FilterSelect label={t("size")} name="size" value={f.size} anyLabel={t("any")}>
            {options(ENTERPRISE_SIZES.map((s) => ({ value: s, label: te(`sizes.${s}`) })))}
          </FilterSelect>
          <FilterSelect label={t("ownership")} name="ownership" value={f.ownership} anyLabel={t("any")}>
            {options(OWNERSHIPS.map((o) => ({ value: o, label: te(`ownerships.${o}`) })))}
          </FilterSelect>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="active" value="1" defaultChecked={f.active} className="size-4" />
            {t("hasActiveProject")}
          </label>
          <div className="flex gap-2 sm:col-span-2 sm:justify-end">
            <Link href="/enterprises" className={buttonClass("secondary")}>
              {t("clear")}
            </Link>
            <button type="submit" className={buttonClass("primary")}>
              {t("apply")}
            </button>
          </div>
        </div>
      </details>
    </form>
  );
}
