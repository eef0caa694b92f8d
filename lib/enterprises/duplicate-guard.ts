import { z } from "zod";
import type { Tx } from "@/db";
import { ActionError, FieldError } from "@/lib/errors";
import { type DuplicateCandidate, findDuplicateCandidates } from "./duplicates";
import { nameKey } from "./name-key";
import { findByCreditCode } from "./queries";

/** What the form needs to show the similar-name warning. */
export interface SimilarNameDetails {
  similar: DuplicateCandidate[];
}

/**
 * A likely duplicate: refused until the caller confirms (confirmSimilar), with the candidates
 * in `details` so the form can link to them. The message sits on the name that matched.
 */
export class SimilarNameError extends ActionError {
  constructor(field: "nameZh" | "nameEn", similar: DuplicateCandidate[]) {
    super("invalid", { [field]: ["enterpriseForm.similar.fieldError"] }, { similar } satisfies SimilarNameDetails);
  }
}

interface Names {
  nameZh?: string | null;
  nameEn?: string | null;
  creditCode?: string | null;
}

const MAX_CANDIDATES = 10;

/**
 * The duplicate rules of create and edit: a credit code another enterprise holds is refused
 * (deleted ones too: the unique index keeps their codes); a name whose key matches a live
 * enterprise is a warning unless confirmed. On edit, `previous` is the record as loaded, and
 * a name whose key did not change is not warned about again.
 */
export async function guardDuplicates(
  tx: Tx,
  input: Names,
  opts: { confirmSimilar: boolean; previous?: Names & { id: string } },
): Promise<void> {
  const { previous } = opts;
  if (input.creditCode) {
    const holder = await findByCreditCode(tx, input.creditCode);
    if (holder && holder.id !== previous?.id) throw new FieldError("creditCode", "validation.creditCodeTaken");
  }
  if (opts.confirmSimilar) return;

  const keys = { nameZh: nameKey(input.nameZh), nameEn: nameKey(input.nameEn) };
  const changed = (field: "nameZh" | "nameEn") =>
    keys[field] !== null && (!previous || nameKey(previous[field]) !== keys[field]);
  const fields = (["nameZh", "nameEn"] as const).filter(changed);
  if (fields.length === 0) return;

  const similar = await findDuplicateCandidates(tx, {
    nameKeys: fields.map((f) => keys[f]!),
    excludeId: previous?.id,
    limit: MAX_CANDIDATES,
  });
  if (similar.length === 0) return;
  const field = fields.find((f) => similar.some((c) => c.nameKey === keys[f])) ?? fields[0]!;
  throw new SimilarNameError(field, similar);
}

/** The form's "save anyway" flag: "1" (or true) once the user has seen the warning. */
export const confirmSimilarField = z.preprocess((v) => v === "1" || v === true, z.boolean());
