/**
 * A small RFC 4180 reader: quoted fields with embedded commas, line breaks and doubled
 * quotes; CRLF, LF or lone CR line ends; a leading byte-order mark dropped. Lenient where
 * spreadsheets are sloppy (a quote inside an unquoted field is kept as text), strict where
 * guessing would silently shift columns (a quoted field that never closes is an error).
 */

export class CsvParseError extends Error {
  constructor(
    readonly code: "unterminatedQuote" | "tooManyRows",
    /** 1-based row where the problem starts. */
    readonly row: number,
  ) {
    super(`${code} at row ${row}`);
    this.name = "CsvParseError";
  }
}

export interface ParseOptions {
  /** Field separator; by default guessed from the first line (comma, semicolon or tab). */
  delimiter?: string;
  /** Stop with CsvParseError("tooManyRows") beyond this many non-empty records (header included). */
  maxRecords?: number;
}

const CANDIDATES = [",", ";", "\t"] as const;

/** The separator used most often outside quotes on the first line; comma when none is. */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** Every record as an array of cells. Empty lines are skipped; cells are not trimmed. */
export function parseCsv(input: string, opts: ParseOptions = {}): string[][] {
  return parseCsvRecords(input, opts).map((r) => r.cells);
}

export interface CsvRecord {
  cells: string[];
  /** 1-based row as a spreadsheet shows it: empty lines count, a multi-line cell does not. */
  row: number;
}

/** Like parseCsv, with each record's row number so messages can point at it. */
export function parseCsvRecords(input: string, opts: ParseOptions = {}): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const max = opts.maxRecords ?? Infinity;
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let cell = "";
  let row = 1;
  let quoted = false; // inside a quoted field
  let touched = false; // the current line has content (so an empty line is not a record)
  let quoteStart = 0;

  const endCell = () => {
    record.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    if (touched) {
      if (records.length >= max) throw new CsvParseError("tooManyRows", row);
      records.push({ cells: record, row });
    }
    record = [];
    touched = false;
    row++;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      touched = true;
      quoteStart = row;
    } else if (ch === delimiter) {
      touched = true;
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      touched = true;
      cell += ch;
    }
  }
  if (quoted) throw new CsvParseError("unterminatedQuote", quoteStart);
  endRecord();
  return records;
}
