"use server";

import { and, eq, isNotNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Tx } from "@/db";
import { enterprises } from "@/db/schema";
import { CURATE_ROLE, canEdit } from "@/lib/access";
import { action } from "@/lib/action";
import type { AuditSpec } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { updateVersioned, versionOf } from "@/lib/records";
import { uuidParam } from "@/lib/validation";
import type { RestoreNote } from "../merge/record";
import { latestMergeRecord, undoMerge } from "../merge/undo";
import { refreshEnterpriseSearch } from "../search-index";

/** lockForEdit's twin for the other side: only soft-deleted records can be restored. */
async function lockDeleted(tx: Tx, id: string, viewer: Viewer) {
  const [row] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNotNull(enterprises.deletedAt)))
    .for("update");
  if (!row) throw new NotFoundError();
  if (!canEdit(viewer, row)) throw new ForbiddenError();
  return row;
}

/**
 * Brings back a deleted or merged-away enterprise. A merged-away one also gets back the rows
 * and the credit code its merge moved to the survivor, as far as they have not moved on since;
 * what could not be put back is named in `notes`.
 */
export const restoreEnterprise = action({
  name: "enterprise.restore",
  input: z.object({ id: uuidParam, version: z.coerce.number({ error: "validation.invalid" }).int().positive() }),
  minRole: CURATE_ROLE,
  load: ({ viewer, input, tx }) => lockDeleted(tx, input.id, viewer),
  async run({ viewer, input, tx, record: row }) {
    if (row.version !== input.version) throw new ConflictError(versionOf(row));

    const notes: RestoreNote[] = [];
    const audit: AuditSpec[] = [];
    let creditCode = row.creditCode;
    let survivorId: string | null = null;
    let returned: Record<string, string[]> = {};
    if (row.mergedIntoId) {
      const rec = await latestMergeRecord(tx, row.id);
      if (!rec) notes.push("noMergeRecord");
      else {
        const undo = await undoMerge(tx, row, rec, viewer.id);
        notes.push(...undo.notes);
        ({ creditCode, returned } = undo);
        survivorId = rec.mergedInto;
        if (undo.survivorAfter) audit.push({ entityType: "enterprise", entityId: rec.mergedInto, before: undo.survivorBefore, after: undo.survivorAfter });
      }
    }

    await updateVersioned(tx, enterprises, row, input.version, { deletedAt: null, mergedIntoId: null, creditCode }, viewer);
    await refreshEnterpriseSearch(tx, survivorId ? [row.id, survivorId] : [row.id]);
    const [after] = await tx.select().from(enterprises).where(eq(enterprises.id, row.id));
    audit.unshift({ entityType: "enterprise", entityId: row.id, before: row, after: { ...after, restore: { survivorId, returned, notes } } });
    return { data: { id: row.id, survivorId, notes }, audit };
  },
  after() {
    revalidatePath("/enterprises", "layout");
  },
});
