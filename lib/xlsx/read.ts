import type { CellValue, Workbook } from "exceljs";
import type { CsvRecord } from "@/lib/csv/parse";
import { type WorkbookProblem, workbookProblem } from "./sniff";

/**
 * The first sheet of an .xlsx workbook as the records a CSV gives (lib/csv/parse.ts): each
 * non-empty row's cells as text, with the row number the spreadsheet shows. Runs in the browser
 * (the import reads files there) and in Node; exceljs is loaded only when a workbook is read.
 */

export class XlsxReadError extends Error {
  constructor(readonly code: WorkbookProblem | "tooManyRows" | "unreadable") {
    super(code);
    this.name = "XlsxReadError";
  }
}

/** Excel shows 15 significant digits; beyond them a stored double is noise (0.1 + 0.2). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date cell as an ISO day, or day and time when it has one. exceljs reads serials as UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ""}`;
}

/** What a person sees in the cell, as text: ids stay whole numbers, dates become ISO days. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return "";
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result);
  return "";
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const mod = await import("exceljs");
  // Node gets the CommonJS module's exports as named exports; bundlers may hand over a default.
  const { Workbook: WorkbookClass } = "Workbook" in mod && mod.Workbook ? mod : (mod as unknown as { default: typeof mod }).default;
  const workbook = new WorkbookClass();
  const copy = bytes.slice().buffer;
  await workbook.xlsx.load(copy);
  return workbook;
}

/** Rows of the first sheet; at most `maxRecords` non-empty ones (header included). */
export async function readWorkbookRecords(bytes: Uint8Array, opts: { maxRecords?: number } = {}): Promise<CsvRecord[]> {
  const problem = workbookProblem(bytes);
  if (problem) throw new XlsxReadError(problem);
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch {
    throw new XlsxReadError("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const max = opts.maxRecords ?? Infinity;
  const records: CsvRecord[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    if (cells.length === 0) return;
    if (records.length >= max) {
      tooMany = true;
      return;
    }
    records.push({ cells, row: rowNumber });
  });
  if (tooMany) throw new XlsxReadError("tooManyRows");
  return records;
}
