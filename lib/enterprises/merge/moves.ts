import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterpriseChainNodes, enterprises } from "@/db/schema";
import {
  byEnterprise,
  FOLLOWING_TABLES,
  type FollowingKey,
  KEYED_TABLES,
  type KeyedKey,
  type KeyedTable,
  repoint,
  setDeleted,
} from "./links";
import type { MergeRecord } from "./record";

type Revived = MergeRecord["revived"]["participants"][number];

interface KeyedRow {
  id: string;
  key: string;
  deletedAt: Date | null;
  role: string;
  note?: string | null;
}

async function keyedRows(tx: Tx, k: KeyedTable, enterpriseId: string, keys?: string[]): Promise<KeyedRow[]> {
  if (keys && keys.length === 0) return [];
  return (await tx
    .select({ id: k.table.id, key: k.key, deletedAt: k.table.deletedAt, role: k.role, ...(k.note ? { note: k.note } : {}) })
    .from(k.table)
    .where(and(byEnterprise(k.table, enterpriseId), keys ? inArray(k.key, keys) : undefined))) as KeyedRow[];
}

/**
 * Moves the merged record's links to events or delegations. Where the survivor is already
 * linked, the survivor's row stays and the merged one is soft-deleted ("dropped") so a
 * restore can bring it back; a survivor row that was itself deleted is revived with the
 * merged row's role and note, so the participation is not lost.
 */
async function moveKeyed(tx: Tx, k: KeyedTable, from: string, to: string, actorId: string) {
  const mine = await keyedRows(tx, k, from);
  const theirs = new Map((await keyedRows(tx, k, to, mine.map((r) => r.key))).map((r) => [r.key, r]));
  const toMove: string[] = [];
  const toDrop: string[] = [];
  const revived: Revived[] = [];
  for (const row of mine) {
    const survivorRow = theirs.get(row.key);
    if (!survivorRow) toMove.push(row.id);
    else if (row.deletedAt) continue; // both sides exist and ours was already removed: nothing to keep
    else {
      toDrop.push(row.id);
      if (survivorRow.deletedAt) {
        revived.push({ id: survivorRow.id, before: { role: survivorRow.role, note: survivorRow.note ?? null, deletedAt: survivorRow.deletedAt.toISOString() } });
        await tx
          .update(k.table)
          .set({ deletedAt: null, role: row.role, ...(k.note ? { note: row.note ?? null } : {}), updatedAt: new Date(), updatedBy: actorId, version: sql`${k.table.version} + 1` } as never)
          .where(eq(k.table.id, survivorRow.id));
      }
    }
  }
  const moved = toMove.length ? await repoint(tx, k.table, inArray(k.table.id, toMove), to, actorId) : [];
  const dropped = toDrop.length ? await setDeleted(tx, k.table, inArray(k.table.id, toDrop), new Date(), actorId) : [];
  return { moved, dropped, revived };
}

/** Chain nodes have no row identity: the survivor gets the ones it lacks, the merged record's are removed. */
async function moveChainNodes(tx: Tx, from: string, to: string, actorId: string) {
  const nodes = (await tx.select({ id: enterpriseChainNodes.chainNodeId }).from(enterpriseChainNodes).where(eq(enterpriseChainNodes.enterpriseId, from))).map((r) => r.id);
  if (nodes.length === 0) return { nodes, added: [] };
  const added = await tx
    .insert(enterpriseChainNodes)
    .values(nodes.map((chainNodeId) => ({ enterpriseId: to, chainNodeId, createdBy: actorId })))
    .onConflictDoNothing()
    .returning({ id: enterpriseChainNodes.chainNodeId });
  await tx.delete(enterpriseChainNodes).where(eq(enterpriseChainNodes.enterpriseId, from));
  return { nodes, added: added.map((r) => r.id) };
}

/** Every row that belongs to `from` now belongs to `to`; returns what was done, for the audit and a restore. */
export async function moveAllLinks(tx: Tx, from: string, to: string, actorId: string): Promise<Omit<MergeRecord, "mergedInto" | "filled" | "aliasesAdded">> {
  const following = {} as Record<FollowingKey, string[]>;
  for (const [key, table] of Object.entries(FOLLOWING_TABLES) as [FollowingKey, (typeof FOLLOWING_TABLES)[FollowingKey]][]) {
    following[key] = await repoint(tx, table, byEnterprise(table, from), to, actorId);
  }
  const keyed = {} as Record<KeyedKey, Awaited<ReturnType<typeof moveKeyed>>>;
  for (const [key, k] of Object.entries(KEYED_TABLES) as [KeyedKey, KeyedTable][]) keyed[key] = await moveKeyed(tx, k, from, to, actorId);
  const chain = await moveChainNodes(tx, from, to, actorId);
  // Records merged into this one earlier now point at where their rows are.
  const mergedRecords = await tx
    .update(enterprises)
    .set({ mergedIntoId: to, version: sql`${enterprises.version} + 1` })
    .where(and(eq(enterprises.mergedIntoId, from), ne(enterprises.id, to)))
    .returning({ id: enterprises.id });

  return {
    moved: {
      ...following,
      participants: keyed.participants.moved,
      delegationLinks: keyed.delegationLinks.moved,
      chainNodes: chain.nodes,
      mergedRecords: mergedRecords.map((r) => r.id),
    },
    dropped: { participants: keyed.participants.dropped, delegationLinks: keyed.delegationLinks.dropped },
    revived: { participants: keyed.participants.revived, delegationLinks: keyed.delegationLinks.revived },
    chainNodesAdded: chain.added,
  };
}
