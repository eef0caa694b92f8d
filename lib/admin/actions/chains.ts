"use server";

import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Tx } from "@/db";
import { chainNodes, industrialChains } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { requiredText, uuidParam } from "@/lib/validation";

const version = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" });
const code = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
  z.string({ error: "validation.required" }).max(60, { error: "validation.tooLong" }).regex(/^[a-z0-9][a-z0-9.-]*$/, { error: "validation.invalid" }),
);
const names = { nameZh: requiredText(100), nameEn: requiredText(100) };
const kind = z.enum(["chain", "node"], { error: "validation.invalid" });
const TABLES = { chain: industrialChains, node: chainNodes } as const;

const refresh = () => {
  revalidatePath("/admin/chains");
  revalidatePath("/review/chains");
};

async function lockLive(tx: Tx, which: "chain" | "node", id: string) {
  const table = TABLES[which];
  const [row] = await tx.select().from(table).where(and(eq(table.id, id), isNull(table.deletedAt))).for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** A new chain, or a new node at the end of a chain. */
export const createChainItem = action({
  name: "chain.create",
  input: z.object({ kind, chainId: z.preprocess((v) => (v === "" ? undefined : v), uuidParam.optional()), code, ...names }),
  minRole: ADMIN_ROLE,
  /** A node's chain, live and locked; a new chain has none. */
  async load({ input, tx }) {
    if (input.kind === "chain") return null;
    if (!input.chainId) throw new FieldError("chainId", "validation.required");
    return lockLive(tx, "chain", input.chainId);
  },
  async run({ viewer, input, tx, record: parent }) {
    const stamp = { createdBy: viewer.id, updatedBy: viewer.id };
    if (!parent) {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${industrialChains.sortOrder}), 0) + 1` }).from(industrialChains)) as [{ next: number }];
      const [row] = await tx.insert(industrialChains).values({ code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, sortOrder: Number(next), ...stamp }).onConflictDoNothing().returning();
      if (!row) throw new FieldError("code", "adminRules.codeTaken");
      return { data: { id: row.id }, audit: [{ entityType: "industrial_chain", entityId: row.id, before: null, after: row }] };
    }
    const chainId = parent.id;
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${chainNodes.sortOrder}), 0) + 1` }).from(chainNodes).where(eq(chainNodes.chainId, chainId))) as [{ next: number }];
    const [row] = await tx.insert(chainNodes).values({ chainId, code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, sortOrder: Number(next), ...stamp }).onConflictDoNothing().returning();
    if (!row) throw new FieldError("code", "adminRules.codeTaken");
    return { data: { id: row.id }, audit: [{ entityType: "chain_node", entityId: row.id, before: null, after: row }] };
  },
  after: refresh,
});

export const renameChainItem = action({
  name: "chain.rename",
  input: z.object({ kind, id: uuidParam, version, ...names }),
  minRole: ADMIN_ROLE,
  load: ({ input, tx }) => lockLive(tx, input.kind, input.id),
  async run({ viewer, input, tx, record: before }) {
    // Stale: the names the other person saved go back, for the form to show beside the typed ones.
    if (before.version !== input.version) throw new ConflictError(await savedVersion(tx, before, { nameZh: before.nameZh, nameEn: before.nameEn }));
    const after = await updateVersioned(tx, TABLES[input.kind] as typeof chainNodes, before as typeof chainNodes.$inferSelect, input.version, { nameZh: input.nameZh, nameEn: input.nameEn }, viewer);
    return { data: { id: after.id }, audit: [{ entityType: input.kind === "chain" ? "industrial_chain" : "chain_node", entityId: after.id, before, after }] };
  },
  after: refresh,
});

/** Swaps an item with its neighbour above or below; the order is renumbered 1..n on the way. */
export const moveChainItem = action({
  name: "chain.move",
  input: z.object({ kind, id: uuidParam, direction: z.enum(["up", "down"], { error: "validation.invalid" }) }),
  minRole: ADMIN_ROLE,
  /** The live item, then the whole order it is in (its chain's nodes, or every chain), all locked. */
  async load({ input, tx }) {
    const moved = await lockLive(tx, input.kind, input.id);
    return input.kind === "chain"
      ? await tx.select().from(industrialChains).where(isNull(industrialChains.deletedAt)).orderBy(asc(industrialChains.sortOrder), asc(industrialChains.nameZh)).for("update")
      : await tx.select().from(chainNodes).where(and(eq(chainNodes.chainId, (moved as typeof chainNodes.$inferSelect).chainId), isNull(chainNodes.deletedAt))).orderBy(asc(chainNodes.sortOrder), asc(chainNodes.nameZh)).for("update");
  },
  async run({ viewer, input, tx, record: siblings }) {
    const ids = siblings.map((s) => s.id);
    const at = ids.indexOf(input.id);
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return { data: { id: input.id }, audit: [] };
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    const table = TABLES[input.kind] as typeof chainNodes;
    const audit = [];
    for (const [i, id] of ids.entries()) {
      const before = siblings.find((s) => s.id === id)!;
      if (before.sortOrder === i + 1) continue;
      const [after] = await tx.update(table).set({ sortOrder: i + 1, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${table.version} + 1` }).where(eq(table.id, id)).returning();
      audit.push({ entityType: input.kind === "chain" ? "industrial_chain" : "chain_node", entityId: id, before, after });
    }
    return { data: { id: input.id }, audit };
  },
  after: refresh,
});

/** Soft delete: links of enterprises and projects stay in history; the item leaves lists and the map. */
export const deleteChainItem = action({
  name: "chain.delete",
  input: z.object({ kind, id: uuidParam, version }),
  minRole: ADMIN_ROLE,
  load: ({ input, tx }) => lockLive(tx, input.kind, input.id),
  async run({ viewer, input, tx, record: before }) {
    const after = await updateVersioned(tx, TABLES[input.kind] as typeof chainNodes, before as typeof chainNodes.$inferSelect, input.version, { deletedAt: new Date() }, viewer);
    return { data: { id: after.id }, audit: [{ entityType: input.kind === "chain" ? "industrial_chain" : "chain_node", entityId: after.id, before, after }] };
  },
  after: refresh,
});
