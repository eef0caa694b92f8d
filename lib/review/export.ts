import type { ExportCell, ExportSheet } from "@/lib/xlsx/cells";
import { columnWidth } from "@/lib/xlsx/cells";
import type { Cell, ReviewTable } from "./cells";

/** A review cell as an export cell: amounts in exact yuan, percentages and days as decimals. */
export function exportCell(cell: Cell): ExportCell {
  switch (cell.kind) {
    case "text":
      return { kind: "text", value: cell.value };
    case "count":
      return { kind: "count", value: cell.value };
    case "money":
      return { kind: "yuan", value: cell.value };
    case "percent":
      return { kind: "percent", value: cell.value };
    case "days":
      return { kind: "decimal", value: cell.value };
  }
}

/**
 * A review table (loaded with `exact: true`, so its headers say 元 / CNY) as one export sheet:
 * the same columns the page shows, each cell keeping its kind, so the CSV and the workbook come
 * from one definition.
 */
export function reviewSheet(table: ReviewTable): ExportSheet {
  const rows = table.rows.map((row) => row.map(exportCell));
  const kinds = table.columns.map((_, i) => rows.find((r) => r[i] && r[i].kind !== "text")?.[i]?.kind ?? "text");
  return {
    name: table.caption,
    columns: table.columns.map((header, i) => ({ header, kind: kinds[i]!, width: columnWidth(header, kinds[i]!, i === 0 ? 24 : undefined) })),
    rows: [rows],
  };
}
