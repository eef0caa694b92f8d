import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import type { SavedVersion } from "./form-values";

/**
 * The record as someone else saved it, for a ConflictError: the form shows their values and
 * says who saved them, so the editor can decide instead of overwriting.
 */
export async function savedVersion<V>(
  tx: Tx,
  row: { version: number; updatedAt: Date; updatedBy: string | null },
  values: V,
): Promise<SavedVersion<V>> {
  const [who] = row.updatedBy
    ? await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.updatedBy))
    : [];
  return { values, version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: who ? (who.name ?? who.email) : null };
}
