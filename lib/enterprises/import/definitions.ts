import { sql } from "drizzle-orm";
import { z } from "zod";
import { WRITE_ROLE } from "@/lib/access";
import type { ActionContext, ActionDefinition } from "@/lib/action-core";
import { limits } from "@/lib/env";
import { ActionError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { classifyRows, insertClassifiedRows } from "./classify";
import { CHUNK_ROWS, IMPORT_FIELDS, MAX_CELL } from "./fields";
import { countStatuses, type ImportCounts, type ImportRowResult } from "./report";

// The two import actions, kept apart from their "use server" file so scripts/bench/import.ts
// can run them through runAction outside Next.

/** A chunk of mapped rows. Cell contents are judged per row, so only the shape is strict here. */
export const importChunkInput = z.object({
  rows: z
    .array(
      z.object({
        row: z.number().int().min(1).max(10_000_000),
        values: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(MAX_CELL)),
      }),
    )
    .min(1)
    .max(CHUNK_ROWS),
});

export interface ImportChunkResult {
  results: ImportRowResult[];
  counts: ImportCounts;
}

/**
 * The `load` of both: an import acts on no existing record, but each chunk, checked or imported,
 * spends one of the person's import budget (RATE_LIMIT_IMPORT_PER_HOUR). Refused before anything
 * is read or written. Counted in the action's transaction: a chunk that fails spends nothing.
 */
async function spendImportBudget({ viewer, tx }: ActionContext<unknown>): Promise<null> {
  const outcome = await consume("import", viewer.id, limits(), tx);
  if (!outcome.allowed) throw new ActionError("rateLimited");
  return null;
}

/** Any fixed number: the key of the transaction-level lock that queues concurrent imports. */
const IMPORT_LOCK = 7_461_001;

/** Dry run: what importing these rows would do. Writes no enterprise or contact. */
export const previewImportDefinition: ActionDefinition<typeof importChunkInput, ImportChunkResult, null> = {
  name: "enterprise.import_preview",
  input: importChunkInput,
  minRole: WRITE_ROLE,
  load: spendImportBudget,
  async run({ input, tx }) {
    const { results } = await classifyRows(tx, input.rows);
    const counts = countStatuses(results);
    // One audit row per checked chunk: who looked at which rows, without their contents.
    const after = { rows: input.rows.length, first: input.rows[0]!.row, last: input.rows.at(-1)!.row, ...counts };
    return { data: { results, counts }, audit: [{ entityType: "enterprise", entityId: null, before: null, after }] };
  },
};

/**
 * Imports a chunk. Each row is checked again inside the transaction, so sending the same
 * rows twice creates nothing the second time; a bad or duplicate row is skipped and
 * reported, never aborting the rest of the chunk.
 */
export const importEnterprisesDefinition: ActionDefinition<typeof importChunkInput, ImportChunkResult, null> = {
  name: "enterprise.import",
  input: importChunkInput,
  minRole: WRITE_ROLE,
  load: spendImportBudget,
  async run({ viewer, input, tx }) {
    // Two people importing the same list at once would each see a name as new: queue them.
    // Credit codes are guarded by their unique index anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}::bigint)`);
    const classified = await classifyRows(tx, input.rows);
    const { results, audit } = await insertClassifiedRows(tx, viewer, classified);
    return { data: { results, counts: countStatuses(results) }, audit };
  },
};
