import { z } from "zod";
import type { Tx } from "@/db";
import { ActionError, FieldError } from "@/lib/errors";
import { candidateKeys, type DuplicateCandidate, findDuplicateCandidates } from "./duplicates";
import { type EnterpriseNames, nameKeysOf } from "./name-key";
import { findByCreditCode } from "./queries";

/** What the form needs to show the similar-name warning. */
export interface SimilarNameDetails {
  similar: DuplicateCandidate[];
}

type NameField = "nameZh" | "nameEn" | "aliases";

/**
 * A likely duplicate: refused until the caller confirms (confirmSimilar), with the candidates
 * in `details` so the form can link to them. The message sits on the name that matched.
 */
export class SimilarNameError extends ActionError {
  constructor(field: NameField, similar: DuplicateCandidate[]) {
    super("invalid", { [field]: ["enterpriseForm.similar.fieldError"] }, { similar } satisfies SimilarNameDetails);
  }
}

interface Names extends EnterpriseNames {
  creditCode?: string | null;
}

const MAX_CANDIDATES = 10;

/** The keys of each name field: an alias list has several. */
function keysByField(names: EnterpriseNames): Record<NameField, string[]> {
  return {
    nameZh: nameKeysOf({ nameZh: names.nameZh }),
    nameEn: nameKeysOf({ nameEn: names.nameEn }),
    aliases: nameKeysOf({ aliases: names.aliases }),
  };
}

/**
 * The duplicate rules of create and edit: a credit code another enterprise holds is refused
 * (deleted ones too: the unique index keeps their codes); a name — Chinese, English or an
 * alias — whose key matches any name of a live enterprise is a warning unless confirmed. On
 * edit, `previous` is the record as loaded, and a key the record already had is not warned
 * about again.
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

  const known = new Set(previous ? nameKeysOf(previous) : []);
  const byField = keysByField(input);
  const fresh = (field: NameField) => byField[field].filter((k) => !known.has(k));
  const fields = (["nameZh", "nameEn", "aliases"] as const).filter((f) => fresh(f).length > 0);
  if (fields.length === 0) return;

  const similar = await findDuplicateCandidates(tx, {
    nameKeys: fields.flatMap(fresh),
    excludeId: previous?.id,
    limit: MAX_CANDIDATES,
  });
  if (similar.length === 0) return;
  const matched = new Set(similar.flatMap(candidateKeys));
  const field = fields.find((f) => fresh(f).some((k) => matched.has(k))) ?? fields[0]!;
  throw new SimilarNameError(field, similar);
}

/** The form's "save anyway" flag: "1" (or true) once the user has seen the warning. */
export const confirmSimilarField = z.preprocess((v) => v === "1" || v === true, z.boolean());
