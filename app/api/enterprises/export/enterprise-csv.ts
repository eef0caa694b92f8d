import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { CSV_BOM, csvRow } from "@/lib/csv/write";
import { parseEnterpriseFilters } from "@/lib/enterprises/filters";
import { type EnterpriseRow, listEnterprises } from "@/lib/enterprises/queries";
import { countryName } from "@/lib/i18n/display";
import { TIME_ZONE } from "@/lib/time";

/** Rows per query: one keyset page of the list, never an OFFSET, never the whole table at once. */
const PAGE = 1000;

type Translate = (key: string) => string;

/** The list's own filters and sort, read from the same query string the list page uses. */
function pager(db: Db, viewer: Viewer, searchParams: URLSearchParams) {
  const filters = parseEnterpriseFilters(searchParams);
  return (after: string | null) => listEnterprises(db, viewer, { filters, after, limit: PAGE });
}

const stamp = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2026-11-21 09:30" in the organisation's time zone: sortable, and read alike in both languages. */
export const localTime = (d: Date) => stamp.format(d);

/** Header and cell of each column, in the caller's language. */
function columns(t: Translate, locale: string): [string, (r: EnterpriseRow) => string | null][] {
  const en = locale === "en";
  return [
    [t("export.columns.nameZh"), (r) => r.nameZh],
    [t("export.columns.nameEn"), (r) => r.nameEn],
    [t("export.columns.creditCode"), (r) => r.creditCode],
    [t("export.columns.country"), (r) => countryName(r.country, locale)],
    [t("export.columns.city"), (r) => r.city],
    [t("export.columns.size"), (r) => (r.size ? t(`enterprises.sizes.${r.size}`) : null)],
    [t("export.columns.ownership"), (r) => (r.ownership ? t(`enterprises.ownerships.${r.ownership}`) : null)],
    [t("export.columns.chains"), (r) => (en ? r.chainNodesEn : r.chainNodesZh).join("; ")],
    [t("export.columns.owner"), (r) => r.ownerName],
    [t("export.columns.team"), (r) => (en ? r.teamNameEn : r.teamNameZh)],
    [t("export.columns.created"), (r) => localTime(r.createdAt)],
    [t("export.columns.updated"), (r) => localTime(r.updatedAt)],
  ];
}

/**
 * Every enterprise matching the filters as a CSV stream (BOM, header, rows), fetched one
 * keyset page at a time as the client reads, so memory stays flat however long the list is.
 */
export function enterpriseCsvStream(opts: { db: Db; viewer: Viewer; searchParams: URLSearchParams; t: Translate; locale: string }) {
  const page = pager(opts.db, opts.viewer, opts.searchParams);
  const cols = columns(opts.t, opts.locale);
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(cols.map(([header]) => header))));
        return;
      }
      try {
        const { rows, next } = await page(after);
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((r) => csvRow(cols.map(([, cell]) => cell(r)))).join("")));
        if (next) after = next;
        else controller.close();
      } catch (error) {
        // Headers are already sent: failing the stream is how the browser learns the file is incomplete.
        console.error("[export enterprises] failed", error);
        controller.error(new Error("export failed"));
      }
    },
  });
}
