import type { CsvRecord } from "@/lib/csv/parse";

/** An uploaded file once read in the browser: nothing of it has reached the server yet. */
export interface LoadedFile {
  name: string;
  headers: string[];
  /** Data records (header excluded), with their spreadsheet row numbers. */
  records: CsvRecord[];
  /** Records with at least one non-blank cell. */
  rowCount: number;
}
