import { shanghaiParts } from "@/lib/time";

/**
 * What an export is made of, whatever it is written as: columns defined once (a header, a kind
 * and a width), rows of typed cells. lib/csv/write.ts renders them as CSV text, lib/xlsx/write.ts
 * as typed spreadsheet cells. Plain module: no server-only imports.
 */
export type ExportCell =
  | { kind: "text"; value: string | null }
  /** A whole number: a count, a year. */
  | { kind: "count"; value: number | null }
  /** An exact yuan amount as decimal text ("1234.50"); the column's header names the unit. */
  | { kind: "yuan"; value: string | null }
  /** A percentage as decimal text: "66.67" is 66.67 %. */
  | { kind: "percent"; value: string | null }
  /** Any other decimal as text ("12.5" days). */
  | { kind: "decimal"; value: string | null }
  /** A calendar day, YYYY-MM-DD. */
  | { kind: "date"; value: string | null }
  /** An instant, written as the bureau's wall-clock time. */
  | { kind: "datetime"; value: Date | null };

export type CellKind = ExportCell["kind"];

export interface ExportColumn {
  header: string;
  kind: CellKind;
  /** Width in characters, as a spreadsheet counts them (a Han character is two). */
  width: number;
}

/** One sheet (or one CSV file): its columns and its rows, given all at once or page by page. */
export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Iterable<ExportCell[][]> | AsyncIterable<ExportCell[][]>;
}

/** A column and how each row of R fills it. */
export interface ColumnDef<R> extends ExportColumn {
  cell: (row: R) => ExportCell;
}

const DEFAULT_WIDTH: Record<CellKind, number> = { text: 16, count: 10, yuan: 18, percent: 10, decimal: 10, date: 12, datetime: 17 };

/** Characters as a spreadsheet column counts them: wide (Han, full-width) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A column wide enough for its header and the kind's usual content, never wider than 60. */
export function columnWidth(header: string, kind: CellKind, hint?: number): number {
  return Math.min(60, Math.max(hint ?? DEFAULT_WIDTH[kind], displayWidth(header) + 2));
}

function def<R, K extends CellKind>(kind: K, get: (row: R) => Extract<ExportCell, { kind: K }>["value"]) {
  return (header: string, width?: number): ColumnDef<R> => ({
    header,
    kind,
    width: columnWidth(header, kind, width),
    cell: (row) => ({ kind, value: get(row) }) as ExportCell,
  });
}

/** Column builders: `col.text<Row>("名称", (r) => r.name, 30)`. */
export const col = {
  text: <R>(header: string, get: (row: R) => string | null, width?: number) => def<R, "text">("text", get)(header, width),
  count: <R>(header: string, get: (row: R) => number | null, width?: number) => def<R, "count">("count", get)(header, width),
  yuan: <R>(header: string, get: (row: R) => string | null, width?: number) => def<R, "yuan">("yuan", get)(header, width),
  percent: <R>(header: string, get: (row: R) => string | null, width?: number) => def<R, "percent">("percent", get)(header, width),
  decimal: <R>(header: string, get: (row: R) => string | null, width?: number) => def<R, "decimal">("decimal", get)(header, width),
  date: <R>(header: string, get: (row: R) => string | null, width?: number) => def<R, "date">("date", get)(header, width),
  datetime: <R>(header: string, get: (row: R) => Date | null, width?: number) => def<R, "datetime">("datetime", get)(header, width),
};

/** The sheet's column headers and a function turning a row of R into its cells. */
export function columnsOf<R>(defs: readonly ColumnDef<R>[]): { columns: ExportColumn[]; cells: (row: R) => ExportCell[] } {
  return {
    columns: defs.map(({ header, kind, width }) => ({ header, kind, width })),
    cells: (row) => defs.map((d) => d.cell(row)),
  };
}

/** "2026-11-21 09:30" in the bureau's time zone: sortable, and read alike in both languages. */
export function localTime(at: Date): string {
  const { date, time } = shanghaiParts(at);
  return `${date} ${time}`;
}

/** A cell as CSV text: exact decimals as they are, days as YYYY-MM-DD, instants as local time. */
export function cellText(cell: ExportCell): string | number | null {
  if (cell.value === null) return null;
  if (cell.kind === "datetime") return localTime(cell.value);
  return cell.value;
}
