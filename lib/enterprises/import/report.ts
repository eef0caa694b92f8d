/**
 * What an import says about each row. Shared by the server (which classifies a chunk) and
 * the browser (which joins the chunks of a dry run into one report); no server-only imports.
 */
import type { ImportField } from "./fields";

export type DuplicateMatch = "creditCode" | "name";

export type DuplicateReason =
  /** An enterprise already in Landfall; id and name are null when it was deleted or merged away. */
  | { kind: "existing"; match: DuplicateMatch; id: string | null; name: string | null }
  /** An earlier row of the same file. */
  | { kind: "inFile"; match: DuplicateMatch; row: number };

export interface RowError {
  field: ImportField;
  /** A catalogue key, e.g. "validation.creditCode"; the browser translates it. */
  message: string;
}

interface RowBase {
  row: number;
  /** The row's own name, so the report can be read without the file at hand. */
  name: string;
}

export type ImportRowResult =
  /** Would be created (dry run). `keys` are what later rows are compared by. */
  | (RowBase & { status: "new"; keys: string[] })
  /** Was created. */
  | (RowBase & { status: "created"; id: string })
  | (RowBase & { status: "duplicate"; reason: DuplicateReason })
  | (RowBase & { status: "invalid"; errors: RowError[] });

export type ImportStatus = ImportRowResult["status"];
export type ImportCounts = Record<ImportStatus, number>;

/** Keys two rows share when they are the same enterprise: the credit code, or a name key. */
export function duplicateKeys(creditCode: string | null | undefined, nameKeys: readonly (string | null | undefined)[]): string[] {
  const keys = creditCode ? [`code:${creditCode}`] : [];
  for (const k of nameKeys) if (k && !keys.includes(`name:${k}`)) keys.push(`name:${k}`);
  return keys;
}

/**
 * Within one file the first occurrence wins: a "new" row sharing a key with an earlier
 * "new" row becomes a duplicate of it. Rows already refused do not count, so a valid row is
 * not lost because an earlier invalid row had the same name. Idempotent, so the browser can
 * run it again over the joined chunks of a dry run.
 */
export function markInFileDuplicates(results: readonly ImportRowResult[]): ImportRowResult[] {
  const firstRow = new Map<string, number>();
  return results.map((r) => {
    if (r.status !== "new") return r;
    const seen = r.keys.find((k) => firstRow.has(k));
    if (seen) {
      const match: DuplicateMatch = seen.startsWith("code:") ? "creditCode" : "name";
      return { row: r.row, name: r.name, status: "duplicate", reason: { kind: "inFile", match, row: firstRow.get(seen)! } };
    }
    for (const k of r.keys) firstRow.set(k, r.row);
    return r;
  });
}

export function countStatuses(results: readonly ImportRowResult[]): ImportCounts {
  const counts: ImportCounts = { new: 0, created: 0, duplicate: 0, invalid: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
