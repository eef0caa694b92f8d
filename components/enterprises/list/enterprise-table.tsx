import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { EnterpriseColumn } from "@/lib/enterprises/filters";
import type { EnterpriseRow } from "@/lib/enterprises/queries";
import { countryName, primaryName } from "@/lib/i18n/display";

// Narrow screens show the name and the first chosen column; wider screens show more.
const RESPONSIVE = ["", "hidden sm:table-cell", "hidden md:table-cell", "hidden lg:table-cell"];
const responsive = (index: number) => RESPONSIVE[Math.min(index, RESPONSIVE.length - 1)];

export async function EnterpriseTable({ rows, columns }: { rows: EnterpriseRow[]; columns: readonly EnterpriseColumn[] }) {
  const [t, te, locale, format] = await Promise.all([
    getTranslations("enterpriseList"),
    getTranslations("enterprises"),
    getLocale(),
    getFormatter(),
  ]);
  const en = locale === "en";
  const cell = (row: EnterpriseRow, column: EnterpriseColumn) => {
    switch (column) {
      case "creditCode":
        return <span className="font-mono text-xs">{row.creditCode ?? "—"}</span>;
      case "location":
        return [row.city, countryName(row.country, locale)].filter(Boolean).join(" · ");
      case "ownership":
        return row.ownership ? te(`ownerships.${row.ownership}`) : "—";
      case "size":
        return row.size ? te(`sizes.${row.size}`) : "—";
      case "chains": {
        const nodes = en ? row.chainNodesEn : row.chainNodesZh;
        return nodes.length ? nodes.join(en ? ", " : "、") : "—";
      }
      case "owner":
        return row.ownerName ?? "—";
      case "team":
        return (en ? row.teamNameEn : row.teamNameZh) ?? "—";
      case "created":
        return <span className="text-slate-500">{format.dateTime(row.createdAt, { dateStyle: "medium" })}</span>;
      case "updated":
        return <span className="text-slate-500">{format.dateTime(row.updatedAt, { dateStyle: "medium" })}</span>;
    }
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("columns.name")}
            </th>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-4 py-3 ${responsive(i)}`}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const name = primaryName(row, locale);
            return (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/enterprises/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {name.first}
                  </Link>
                  {name.second ? <div className="text-xs text-slate-500">{name.second}</div> : null}
                </td>
                {columns.map((c, i) => (
                  <td key={c} className={`px-4 py-3 ${responsive(i)}`}>
                    {cell(row, c)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
