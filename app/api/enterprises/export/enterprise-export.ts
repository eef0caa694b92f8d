import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { parseEnterpriseFilters } from "@/lib/enterprises/filters";
import { type EnterpriseRow, listEnterprises } from "@/lib/enterprises/queries";
import { countryName } from "@/lib/i18n/display";
import { col, columnsOf, type ExportSheet } from "@/lib/xlsx/cells";

/** Rows per query: one keyset page of the list, never an OFFSET, never the whole table at once. */
const PAGE = 1000;

type Translate = (key: string) => string;

/** The columns, defined once for the CSV and the workbook, in the caller's language. */
function columns(t: Translate, locale: string) {
  const en = locale === "en";
  return columnsOf<EnterpriseRow>([
    col.text(t("export.columns.nameZh"), (r) => r.nameZh, 30),
    col.text(t("export.columns.nameEn"), (r) => r.nameEn, 30),
    col.text(t("export.columns.creditCode"), (r) => r.creditCode, 22),
    col.text(t("export.columns.country"), (r) => countryName(r.country, locale), 12),
    col.text(t("export.columns.city"), (r) => r.city, 10),
    col.text(t("export.columns.size"), (r) => (r.size ? t(`enterprises.sizes.${r.size}`) : null), 10),
    col.text(t("export.columns.ownership"), (r) => (r.ownership ? t(`enterprises.ownerships.${r.ownership}`) : null), 12),
    col.text(t("export.columns.chains"), (r) => (en ? r.chainNodesEn : r.chainNodesZh).join("; "), 30),
    col.text(t("export.columns.owner"), (r) => r.ownerName, 10),
    col.text(t("export.columns.team"), (r) => (en ? r.teamNameEn : r.teamNameZh), 20),
    col.datetime(t("export.columns.created"), (r) => r.createdAt),
    col.datetime(t("export.columns.updated"), (r) => r.updatedAt),
  ]);
}

/**
 * Every enterprise matching the list's own filters and sort (the same query string the list page
 * reads), scoped to the caller by listEnterprises, one keyset page at a time as the client reads,
 * so memory stays flat however long the list is.
 */
export function enterpriseSheet(opts: { db: Db; viewer: Viewer; searchParams: URLSearchParams; t: Translate; locale: string }): ExportSheet {
  const filters = parseEnterpriseFilters(opts.searchParams);
  const { columns: cols, cells } = columns(opts.t, opts.locale);
  async function* pages() {
    let after: string | null = null;
    for (;;) {
      const { rows, next } = await listEnterprises(opts.db, opts.viewer, { filters, after, limit: PAGE });
      yield rows.map(cells);
      if (!next) return;
      after = next;
    }
  }
  return { name: opts.t("export.sheet"), columns: cols, rows: pages() };
}
