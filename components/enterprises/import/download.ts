import { toCsv } from "@/lib/csv/write";

/** Saves a CSV built in the browser (a template, a report) as a download. */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
