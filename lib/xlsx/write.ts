import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { shanghaiParts } from "@/lib/time";
import type { CellKind, ExportCell, ExportSheet } from "./cells";

/** Number formats per kind; text has none, so long digit strings stay text and never become 1.2E+17. */
const FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  count: "#,##0",
  yuan: "#,##0.00",
  percent: "0.00%",
  decimal: "#,##0.0#",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** A wall-clock day and time as the Date exceljs writes: spreadsheets have no time zones. */
const wallClock = (day: string, time = "00:00") => new Date(`${day}T${time}:00Z`);

/** A cell's value as the spreadsheet should hold it: numbers as numbers, days as dates. */
export function xlsxValue(cell: ExportCell): string | number | Date | null {
  if (cell.value === null) return null;
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "count":
      return cell.value;
    case "yuan":
    case "decimal":
      return Number(cell.value);
    case "percent":
      return Number(cell.value) / 100;
    case "date":
      return wallClock(cell.value);
    case "datetime": {
      const { date, time } = shanghaiParts(cell.value);
      return wallClock(date, time);
    }
  }
}

/** Excel refuses these in a sheet's name and cuts it at 31 characters. */
export const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet";

/** Written this far ahead of what the client has read: then the next page waits. */
const AHEAD_BYTES = 1 << 20;

async function readerCaughtUp(out: PassThrough): Promise<void> {
  while (!out.destroyed && (out.writableNeedDrain || out.readableLength > AHEAD_BYTES)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done).off("data", done).off("close", done);
        resolve();
      };
      out.once("drain", done).once("data", done).once("close", done);
    });
  }
}

/**
 * Sheets as an .xlsx stream: a bold, frozen header row, each column its width, each cell typed
 * (numbers with a number format, days as dates). Rows go out page by page as they are read;
 * no shared-strings table is kept, so memory does not grow with the number of rows, and the
 * next page is read only once the client has taken most of what was written.
 */
export function xlsxStream(sheets: readonly ExportSheet[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Landfall";
  const write = async () => {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = sheet.columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
      const header = ws.addRow(sheet.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      for await (const page of sheet.rows) {
        if (out.destroyed) return;
        for (const cells of page) {
          const row = ws.addRow(cells.map(xlsxValue));
          cells.forEach((cell, i) => {
            const format = FORMATS[cell.kind];
            if (format && cell.value !== null) row.getCell(i + 1).numFmt = format;
          });
          row.commit();
        }
        await readerCaughtUp(out);
      }
      ws.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    console.error("[export xlsx] failed", error);
    out.destroy(new Error("export failed"));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** A whole workbook in memory, for tests and small outputs. */
export async function xlsxBytes(sheets: readonly ExportSheet[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = xlsxStream(sheets).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return new Uint8Array(Buffer.concat(chunks));
}
