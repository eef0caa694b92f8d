/** Byte-order mark: without it Excel reads UTF-8 as the local code page and 中文 turns to mojibake. */
export const CSV_BOM = "\uFEFF";

// A cell starting with one of these is run as a formula by Excel and LibreOffice (OWASP
// "CSV injection"); tab and carriage return can hide the trigger from a casual look.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula triggers defused with a leading quote, quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole file (BOM, header, rows) for small outputs built in memory. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("");
}
