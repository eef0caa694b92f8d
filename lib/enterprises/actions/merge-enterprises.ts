"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type Enterprise, enterprises } from "@/db/schema";
import { CURATE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError, FieldError } from "@/lib/errors";
import { lockForEdit, updateVersioned, versionOf } from "@/lib/records";
import { uuidParam } from "@/lib/validation";
import { moveAllLinks } from "../merge/moves";
import { aliasesFromMerge, fieldsToFill, type MergeRecord } from "../merge/record";
import { refreshEnterpriseSearch } from "../search-index";

const version = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).positive({ error: "validation.invalid" });

/**
 * Merges a duplicate into the record that stays: every row of the merged record moves to the
 * survivor, the survivor's empty fields are filled from it, its other names become the
 * survivor's aliases, and the merged record is soft-deleted with a pointer to the survivor.
 * The audit row on the merged record says exactly what moved, so restore-enterprise can undo it.
 */
export const mergeEnterprises = action({
  name: "enterprise.merge",
  input: z.object({ survivorId: uuidParam, mergedId: uuidParam, survivorVersion: version, mergedVersion: version }),
  minRole: CURATE_ROLE,
  /** Two different records, both locked and editable by the caller. */
  async load({ viewer, input, tx }) {
    if (input.survivorId === input.mergedId) throw new FieldError("survivorId", "merge.errors.sameRecord");
    // A fixed lock order, so two people merging the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, Enterprise>();
    for (const id of [input.survivorId, input.mergedId].sort()) locked.set(id, await lockForEdit(tx, enterprises, id, viewer));
    return { survivor: locked.get(input.survivorId)!, merged: locked.get(input.mergedId)! };
  },
  async run({ viewer, input, tx, record: { survivor, merged } }) {
    if (survivor.version !== input.survivorVersion) throw new ConflictError(versionOf(survivor));
    if (merged.version !== input.mergedVersion) throw new ConflictError(versionOf(merged));

    const links = await moveAllLinks(tx, merged.id, survivor.id, viewer.id);
    const filled = fieldsToFill(survivor, merged);
    // The merged record's other names stay findable: the survivor goes by them as aliases.
    const aliasesAdded = aliasesFromMerge({ ...survivor, ...filled }, merged);
    // The credit code is unique across all rows, deleted ones too: free it before the survivor takes it.
    await updateVersioned(
      tx,
      enterprises,
      merged,
      input.mergedVersion,
      { deletedAt: new Date(), mergedIntoId: survivor.id, ...(filled.creditCode ? { creditCode: null } : {}) },
      viewer,
    );
    await updateVersioned(
      tx,
      enterprises,
      survivor,
      input.survivorVersion,
      { ...filled, ...(aliasesAdded.length ? { aliases: [...survivor.aliases, ...aliasesAdded] } : {}) },
      viewer,
    );
    await refreshEnterpriseSearch(tx, [survivor.id, merged.id]);
    const [survivorAfter] = await tx.select().from(enterprises).where(eq(enterprises.id, survivor.id));

    const record: MergeRecord = { mergedInto: survivor.id, ...links, filled, aliasesAdded };
    const moved = Object.fromEntries(Object.entries(links.moved).map(([key, ids]) => [key, ids.length]));
    return {
      data: { survivorId: survivor.id, moved },
      audit: [
        { entityType: "enterprise", entityId: merged.id, before: merged, after: record },
        { entityType: "enterprise", entityId: survivor.id, before: survivor, after: survivorAfter },
      ],
    };
  },
  after() {
    revalidatePath("/enterprises", "layout");
  },
});
