import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { canEdit } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";

interface VersionedTable {
  id: PgColumn;
  version: PgColumn;
  deletedAt: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
}

/**
 * Loads a live record for writing, locked until the transaction ends. Missing, deleted and
 * not-editable records all answer NotFound when the caller cannot even see them, Forbidden
 * when they can see but not edit — `visible` decides which (default: everyone sees).
 */
export async function lockForEdit<T extends PgTable & VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  viewer: Viewer,
  opts: { owned?: (row: T["$inferSelect"]) => { ownerId: string | null; teamId: string | null }; visible?: (row: T["$inferSelect"]) => boolean } = {},
): Promise<T["$inferSelect"]> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .for("update")) as T["$inferSelect"][];
  const row = rows[0];
  if (!row || (opts.visible && !opts.visible(row))) throw new NotFoundError();
  const owned = opts.owned ? opts.owned(row) : (row as { ownerId: string | null; teamId: string | null });
  if (!canEdit(viewer, owned)) throw new ForbiddenError();
  return row;
}

/** What a conflict may tell the browser about a record it did not write. */
export const versionOf = (row: { id: string; version: number }) => ({ id: row.id, version: row.version });

/**
 * Optimistic concurrency: writes only if the row still has the version the editor loaded,
 * and bumps it. Otherwise throws ConflictError carrying the record's id and current version:
 * never the row, which goes to the browser and may hold columns nobody is shown (a person's
 * calendar-feed token, search keys). Actions whose form shows the other person's values throw
 * their own conflict with those values first.
 */
export async function updateVersioned<T extends PgTable & VersionedTable>(
  tx: Tx,
  table: T,
  current: T["$inferSelect"] & { id: string; version: number },
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
  viewer: Viewer,
  extraWhere?: SQL,
): Promise<T["$inferSelect"]> {
  if (current.version !== expectedVersion) throw new ConflictError(versionOf(current));
  const rows = (await tx
    .update(table)
    .set({ ...values, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, current.id), eq(table.version, expectedVersion), extraWhere))
    .returning()) as T["$inferSelect"][];
  const row = rows[0];
  if (!row) throw new ConflictError(versionOf(current));
  return row;
}

/**
 * The live record a write names by id (the enterprise a follow-up is about, the event a visit was
 * at): missing or deleted, it is the named field that is wrong, with the caller's message key.
 */
export async function requireLive(tx: Tx, table: PgTable & { id: PgColumn; deletedAt: PgColumn }, id: string, field: string, message: string): Promise<{ id: string }> {
  const [row] = (await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))) as { id: string }[];
  if (!row) throw new FieldError(field, message);
  return row;
}

interface OwnedTable {
  id: PgColumn;
  ownerId: PgColumn;
  teamId: PgColumn;
  createdBy: PgColumn;
  updatedBy: PgColumn;
}

/** A new record owned by its creator and their team (which decides who may edit it), as inserted. */
export async function insertOwned<T extends PgTable & OwnedTable>(
  tx: Tx,
  table: T,
  values: Omit<T["$inferInsert"], "ownerId" | "teamId" | "createdBy" | "updatedBy">,
  viewer: Viewer,
): Promise<T["$inferSelect"]> {
  const rows = (await tx
    .insert(table)
    .values({ ...values, ownerId: viewer.id, teamId: viewer.teamId, createdBy: viewer.id, updatedBy: viewer.id } as never)
    .returning()) as T["$inferSelect"][];
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}
