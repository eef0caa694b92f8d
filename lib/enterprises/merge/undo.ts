import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { auditLog, type Enterprise, enterpriseChainNodes, enterprises } from "@/db/schema";
import { FOLLOWING_TABLES, type FollowingKey, KEYED_TABLES, type KeyedKey, type KeyedTable, repoint, setDeleted, stillHeldBy } from "./links";
import { FILLABLE_FIELDS, type FillableField, type MergeRecord, mergeRecord, type RestoreNote } from "./record";

/** What the latest merge of this enterprise recorded, or null when there is no readable record. */
export async function latestMergeRecord(tx: Tx, enterpriseId: string): Promise<MergeRecord | null> {
  const [row] = await tx
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "enterprise"),
        eq(auditLog.entityId, enterpriseId),
        eq(auditLog.action, "enterprise.merge"),
        // The survivor's own merge rows hold its row, not a merge record.
        sql`${auditLog.after} ->> 'mergedInto' is not null`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const parsed = mergeRecord.safeParse(row?.after);
  return parsed.success ? parsed.data : null;
}

async function undoKeyed(tx: Tx, k: KeyedTable, rec: MergeRecord, key: KeyedKey, restoredId: string, holders: string[], actorId: string) {
  const moved = rec.moved[key];
  const back = moved.length ? await repoint(tx, k.table, stillHeldBy(k.table, moved, holders), restoredId, actorId) : [];
  const dropped = rec.dropped[key];
  const undeleted = dropped.length
    ? await setDeleted(tx, k.table, and(inArray(k.table.id, dropped), eq(k.table.enterpriseId, restoredId), isNotNull(k.table.deletedAt))!, null, actorId)
    : [];
  for (const r of rec.revived[key]) {
    await tx
      .update(k.table)
      .set({
        role: r.before.role,
        ...(k.note ? { note: r.before.note ?? null } : {}),
        deletedAt: r.before.deletedAt ? new Date(r.before.deletedAt) : null,
        updatedAt: new Date(),
        updatedBy: actorId,
        version: sql`${k.table.version} + 1`,
      } as never)
      .where(and(eq(k.table.id, r.id), inArray(k.table.enterpriseId, holders), isNull(k.table.deletedAt)));
  }
  return { expected: moved.length + dropped.length, done: back.length + undeleted.length, ids: [...back, ...undeleted] };
}

/** The survivor's fields that still hold what the merge filled in: those go back to empty. */
function fieldsToGiveBack(survivor: Enterprise, filled: Record<string, unknown>) {
  const giveBack: Partial<Record<FillableField, null>> = {};
  let changed = false;
  for (const [field, value] of Object.entries(filled)) {
    if (!(FILLABLE_FIELDS as readonly string[]).includes(field)) continue;
    if (survivor[field as FillableField] === value) giveBack[field as FillableField] = null;
    else changed = true;
  }
  // An enterprise must keep one name: if the other was cleared since, the filled one stays.
  if ((giveBack.nameZh !== undefined || survivor.nameZh === null) && (giveBack.nameEn !== undefined || survivor.nameEn === null)) {
    delete giveBack.nameZh;
    delete giveBack.nameEn;
    changed = true;
  }
  return { giveBack, changed };
}

/** The record a merge kept, deleted or not, locked while its fields are given back. */
async function lockMergeSurvivor(tx: Tx, id: string): Promise<Enterprise | undefined> {
  const [survivor] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for("update");
  return survivor;
}

/**
 * Moves back what a merge moved, from wherever it is now: the survivor, or the record the
 * survivor was merged into later. Rows moved on since, and fields edited since, stay where
 * they are and are reported in `notes`.
 */
export async function undoMerge(tx: Tx, restored: Enterprise, rec: MergeRecord, actorId: string) {
  const notes = new Set<RestoreNote>();
  const holders = [...new Set([rec.mergedInto, restored.mergedIntoId].filter((id): id is string => Boolean(id)))];
  const survivor = await lockMergeSurvivor(tx, rec.mergedInto);
  if (!survivor || survivor.deletedAt) notes.add("survivorGone");

  const returned: Record<string, string[]> = {};
  let expected = 0;
  let done = 0;
  for (const [key, table] of Object.entries(FOLLOWING_TABLES) as [FollowingKey, (typeof FOLLOWING_TABLES)[FollowingKey]][]) {
    const ids = rec.moved[key];
    returned[key] = ids.length ? await repoint(tx, table, stillHeldBy(table, ids, holders), restored.id, actorId) : [];
    expected += ids.length;
    done += returned[key].length;
  }
  for (const [key, k] of Object.entries(KEYED_TABLES) as [KeyedKey, KeyedTable][]) {
    const r = await undoKeyed(tx, k, rec, key, restored.id, holders, actorId);
    returned[key] = r.ids;
    expected += r.expected;
    done += r.done;
  }
  if (done < expected) notes.add("rowsChanged");

  if (rec.moved.chainNodes.length) {
    await tx
      .insert(enterpriseChainNodes)
      .values(rec.moved.chainNodes.map((chainNodeId) => ({ enterpriseId: restored.id, chainNodeId, createdBy: actorId })))
      .onConflictDoNothing();
  }
  if (rec.chainNodesAdded.length) {
    await tx
      .delete(enterpriseChainNodes)
      .where(and(eq(enterpriseChainNodes.enterpriseId, rec.mergedInto), inArray(enterpriseChainNodes.chainNodeId, rec.chainNodesAdded)));
  }
  if (rec.moved.mergedRecords.length) {
    await tx
      .update(enterprises)
      .set({ mergedIntoId: restored.id, version: sql`${enterprises.version} + 1` })
      .where(and(inArray(enterprises.id, rec.moved.mergedRecords), inArray(enterprises.mergedIntoId, holders)));
  }

  let survivorAfter: Enterprise | undefined;
  if (survivor) {
    const { giveBack, changed } = fieldsToGiveBack(survivor, rec.filled);
    if (changed) notes.add("fieldsChanged");
    // The names the merge added as aliases go back with the record; aliases typed since stay.
    const aliases = survivor.aliases.filter((a) => !rec.aliasesAdded.includes(a));
    const aliasesBack = aliases.length < survivor.aliases.length ? { aliases } : {};
    if (Object.keys(giveBack).length || "aliases" in aliasesBack) {
      [survivorAfter] = await tx
        .update(enterprises)
        .set({ ...giveBack, ...aliasesBack, updatedAt: new Date(), updatedBy: actorId, version: sql`${enterprises.version} + 1` })
        .where(eq(enterprises.id, survivor.id))
        .returning();
    }
  }

  // The credit code went to the survivor; it comes back unless someone else holds it now.
  let creditCode: string | null = restored.creditCode;
  const code = rec.filled.creditCode;
  if (typeof code === "string" && !creditCode) {
    const [holder] = await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.creditCode, code), ne(enterprises.id, restored.id)));
    if (holder) notes.add("creditCodeTaken");
    else creditCode = code;
  }

  return { notes: [...notes], returned, creditCode, survivorBefore: survivor, survivorAfter };
}
