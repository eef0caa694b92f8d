import { cellText, type ExportCell, type ExportSheet } from "@/lib/xlsx/cells";

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

/**
 * A sheet (lib/xlsx/cells.ts) as a CSV stream: BOM and header first, then each page of rows as
 * the client reads, so a long export is never held whole in memory.
 */
export function csvSheetStream(sheet: ExportSheet): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pages: Iterator<ExportCell[][]> | AsyncIterator<ExportCell[][]> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!pages) {
        pages = Symbol.asyncIterator in sheet.rows ? sheet.rows[Symbol.asyncIterator]() : sheet.rows[Symbol.iterator]();
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(sheet.columns.map((c) => c.header))));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) return controller.close();
        if (next.value.length > 0) controller.enqueue(encoder.encode(next.value.map((cells) => csvRow(cells.map(cellText))).join("")));
      } catch (error) {
        // Headers are already sent: failing the stream is how the browser learns the file is incomplete.
        console.error("[export csv] failed", error);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await pages?.return?.();
    },
  });
}
