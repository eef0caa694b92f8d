import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("chain")}</span>
            <select name="chain" defaultValue={f.chain ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {chains.map((c) => (
                <option key={c.id} value={c.id}>
                  {name(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("node")}</span>
            <select name="node" defaultValue={f.node ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {chains.map((c) => (
                <optgroup key={c.id} label={name(c)}>
                  {c.nodes.map((n) => (
                    <option key={n.id} value={n.id}>
                      {name(n)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("country")}</span>
            <select name="country" defaultValue={f.country ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {countryName(code, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("city")}</span>
            <input name="city" defaultValue={f.city ?? ""} className={SELECT} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("owner")}</span>
            <OwnerSelect selected={owner ? { id: owner.id, name: owner.name ?? owner.email } : null} anyLabel={t("any")} meLabel={t("ownerMe")} className={SELECT} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("team")}</span>
            <select name="team" defaultValue={f.team ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {name(team)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("size")}</span>
            <select name="size" defaultValue={f.size ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {ENTERPRISE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {te(`sizes.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("ownership")}</span>
            <select name="ownership" defaultValue={f.ownership ?? ""} className={SELECT}>
              <option value="">{t("any")}</option>
              {OWNERSHIPS.map((o) => (
                <option key={o} value={o}>
                  {te(`ownerships.${o}`)}
                </option>
              ))}
            </select>
          </label>
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
