import "server-only";
import { getDb } from "@/db";
import { auditAccess } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { stripControlCharacters } from "@/lib/validation";

/**
 * Logs a download of records (a list, a review table, a report) with the query that chose them.
 * Written to the primary even when the export reads from a replica.
 */
export async function auditExport(viewer: Viewer, what: string, params: URLSearchParams) {
  // The query as it was asked, bounded: a hostile query string does not become a large entry.
  // Control characters (NUL above all, which jsonb refuses) are dropped.
  const clean = (text: string, max: number) => stripControlCharacters(text).slice(0, max);
  const query = Object.fromEntries([...params.entries()].slice(0, 20).map(([k, v]) => [clean(k, 40), clean(v, 200)]));
  await auditAccess(await getDb(), viewer.id, `export.${what}`, "export", null, { query });
}
