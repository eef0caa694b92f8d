import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { listProjectsForExport, type ProjectExportCursor, type ProjectExportRow } from "@/lib/projects/export-queries";
import type { PipelineFilters } from "@/lib/projects/filters";
import { col, columnsOf, type ExportSheet } from "@/lib/xlsx/cells";

const PAGE = 1000;

type Translate = (key: string) => string;

/** The columns, defined once for the CSV and the workbook: amounts in exact yuan under headers naming the unit. */
function columns(t: Translate, locale: string) {
  const en = locale === "en";
  const name = (zh: string | null, english: string | null) => (en ? (english ?? zh) : (zh ?? english));
  return columnsOf<ProjectExportRow>([
    col.text(t("export.projectColumns.name"), (r) => r.name, 30),
    col.text(t("export.projectColumns.enterprise"), (r) => name(r.enterpriseNameZh, r.enterpriseNameEn), 30),
    col.text(t("export.projectColumns.stage"), (r) => t(`projects.stages.${r.stage}`), 10),
    col.text(t("export.projectColumns.status"), (r) => t(`projects.statuses.${r.status}`), 10),
    col.text(t("export.projectColumns.chainNode"), (r) => name(r.chainNodeZh, r.chainNodeEn), 16),
    col.decimal(t("export.projectColumns.plannedAmount"), (r) => r.plannedAmount, 18),
    col.text(t("export.projectColumns.currency"), (r) => r.currency, 8),
    col.yuan(t("export.projectColumns.cnyAmount"), (r) => r.cnyAmount),
    col.text(t("export.projectColumns.team"), (r) => name(r.teamNameZh, r.teamNameEn), 20),
    col.text(t("export.projectColumns.owner"), (r) => r.ownerName, 10),
    col.date(t("export.projectColumns.signedOn"), (r) => r.signedOn),
    col.datetime(t("export.projectColumns.stageSince"), (r) => r.stageChangedAt),
  ]);
}

/** Every project the pipeline list shows under these filters, scoped to the caller, a keyset page at a time. */
export function pipelineSheet(opts: { db: Db; viewer: Viewer; filters: PipelineFilters; t: Translate; locale: string }): ExportSheet {
  const { columns: cols, cells } = columns(opts.t, opts.locale);
  async function* pages() {
    let after: ProjectExportCursor | null = null;
    for (;;) {
      const { rows, next } = await listProjectsForExport(opts.db, opts.viewer, opts.filters, after, PAGE);
      yield rows.map(cells);
      if (!next) return;
      after = next;
    }
  }
  return { name: opts.t("export.projectSheet"), columns: cols, rows: pages() };
}
