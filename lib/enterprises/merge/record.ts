import { z } from "zod";
import { normalise } from "@/lib/search/terms";
import { MAX_ALIASES } from "../aliases";

/**
 * What a merge writes into the "after" of its audit row on the merged-away enterprise, and
 * what a restore reads back to undo it. Kept in one schema so the two cannot drift apart.
 */

/** Fields a merge copies into the survivor when the survivor has none and the merged record has one. */
export const FILLABLE_FIELDS = ["nameZh", "nameEn", "creditCode", "province", "city", "size", "ownership", "website", "description"] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];

const ids = z.array(z.string()).default([]);

/** A survivor's soft-deleted link row that the merge brought back, and its columns before. */
const revivedRow = z.object({
  id: z.string(),
  before: z.object({ role: z.string(), note: z.string().nullable().optional(), deletedAt: z.string().nullable() }),
});

export const mergeRecord = z.object({
  mergedInto: z.string(),
  moved: z.object({
    contacts: ids,
    visits: ids,
    projects: ids,
    followUps: ids,
    stops: ids,
    participants: ids,
    delegationLinks: ids,
    /** Every chain node the merged record had (its rows were deleted, the survivor holds them now). */
    chainNodes: ids,
    /** Enterprises merged into the merged record earlier, now pointing at the survivor. */
    mergedRecords: ids,
  }),
  /** The merged record's links to an event or delegation the survivor was already in: soft-deleted, not moved. */
  dropped: z.object({ participants: ids, delegationLinks: ids }).default({ participants: [], delegationLinks: [] }),
  revived: z
    .object({ participants: z.array(revivedRow).default([]), delegationLinks: z.array(revivedRow).default([]) })
    .default({ participants: [], delegationLinks: [] }),
  /** Chain nodes the survivor did not have before the merge. */
  chainNodesAdded: ids,
  filled: z.record(z.string(), z.unknown()).default({}),
  /** The merged record's names the survivor took as aliases; a restore takes them back. */
  aliasesAdded: z.array(z.string()).default([]),
});

export type MergeRecord = z.output<typeof mergeRecord>;
export type MovedRows = MergeRecord["moved"];

/** Why a restore could not put everything back; each has a message under "deleted.notes". */
export type RestoreNote = "survivorGone" | "rowsChanged" | "fieldsChanged" | "creditCodeTaken" | "noMergeRecord";

type Fillable = { [F in FillableField]: unknown };

/** The survivor's empty fields that the merged record can fill, with the merged record's values. */
export function fieldsToFill<T extends Fillable>(survivor: T, merged: T): Partial<Pick<T, FillableField>> {
  const filled: Partial<Pick<T, FillableField>> = {};
  for (const f of FILLABLE_FIELDS) if (survivor[f] == null && merged[f] != null) filled[f] = merged[f];
  return filled;
}

interface Named {
  nameZh: string | null;
  nameEn: string | null;
  aliases: readonly string[];
}

/**
 * The merged record's names (Chinese, English, aliases) that the survivor, once filled, does
 * not already go by: they become the survivor's aliases, so it is still found and recognised
 * as a duplicate under them. The list stays within MAX_ALIASES; names beyond it are not added.
 */
export function aliasesFromMerge(survivorFilled: Named, merged: Named): string[] {
  const text = (s: string) => normalise(s).replace(/\s+/g, " ").trim();
  const known = new Set([survivorFilled.nameZh, survivorFilled.nameEn, ...survivorFilled.aliases].filter((n): n is string => Boolean(n)).map(text));
  const added: string[] = [];
  for (const name of [merged.nameZh, merged.nameEn, ...merged.aliases]) {
    if (!name || known.has(text(name))) continue;
    if (survivorFilled.aliases.length + added.length >= MAX_ALIASES) break;
    known.add(text(name));
    added.push(name);
  }
  return added;
}
