import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { contacts, delegationEnterprises, eventParticipants, followUps, itineraryStops, projects, visits } from "@/db/schema";

/**
 * The tables whose rows belong to an enterprise, as merge and restore move them. Kept apart
 * from both so a table added here is moved forward and back alike.
 */

export interface LinkedTable {
  id: PgColumn;
  enterpriseId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
  deletedAt: PgColumn;
}

/** Rows that simply follow their enterprise. Keys are the names used in the merge record. */
export const FOLLOWING_TABLES = {
  contacts,
  visits,
  projects,
  followUps,
  stops: itineraryStops,
} as const;
export type FollowingKey = keyof typeof FOLLOWING_TABLES;

/** Link rows unique per (event or delegation, enterprise): two records in the same event cannot both move. */
export interface KeyedTable {
  table: PgTable & LinkedTable;
  /** The event or delegation: unique together with the enterprise. */
  key: PgColumn;
  role: PgColumn;
  note: PgColumn | null;
}
export const KEYED_TABLES = {
  participants: { table: eventParticipants, key: eventParticipants.eventId, role: eventParticipants.role, note: eventParticipants.note },
  delegationLinks: { table: delegationEnterprises, key: delegationEnterprises.delegationId, role: delegationEnterprises.role, note: null },
} as const satisfies Record<string, KeyedTable>;
export type KeyedKey = keyof typeof KEYED_TABLES;

/**
 * Points rows at another enterprise and bumps their version, so anyone editing one of them
 * from a page loaded before the move gets a conflict instead of writing it back.
 */
export async function repoint(tx: Tx, table: PgTable & LinkedTable, where: SQL, to: string, actorId: string): Promise<string[]> {
  const rows = (await tx
    .update(table)
    .set({ enterpriseId: to, updatedAt: new Date(), updatedBy: actorId, version: sql`${table.version} + 1` } as never)
    .where(where)
    .returning({ id: table.id })) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Rows with these ids that still belong to one of `holders`. */
export function stillHeldBy(table: LinkedTable, ids: readonly string[], holders: readonly string[]): SQL {
  return and(inArray(table.id, [...ids]), inArray(table.enterpriseId, [...holders]))!;
}

/** Soft-deletes (or brings back) link rows, bumping versions like any edit. */
export async function setDeleted(tx: Tx, table: PgTable & LinkedTable, where: SQL, deletedAt: Date | null, actorId: string): Promise<string[]> {
  const rows = (await tx
    .update(table)
    .set({ deletedAt, updatedAt: new Date(), updatedBy: actorId, version: sql`${table.version} + 1` } as never)
    .where(where)
    .returning({ id: table.id })) as { id: string }[];
  return rows.map((r) => r.id);
}

export const byEnterprise = (table: LinkedTable, enterpriseId: string) => eq(table.enterpriseId, enterpriseId);
