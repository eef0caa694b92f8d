import type { Db, Tx } from "@/db";
import { auditLog } from "@/db/schema";

export interface AuditSpec {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** Overrides the action's own name, e.g. "enterprise.merge" written by a merge for each moved row. */
  action?: string;
}

/** JSON-safe copy: dates as ISO strings, nothing that jsonb cannot hold. */
function snapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export async function writeAudit(tx: Tx, actorId: string | null, action: string, entries: AuditSpec[]) {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorId,
      action: e.action ?? action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: snapshot(e.before),
      after: snapshot(e.after),
    })),
  );
}

/**
 * Records something a person read or did outside a change: a sign-in, an export, an evidence
 * download. Not part of any write's transaction: the read has already happened, and the entry
 * goes to the primary even when the read came from a replica.
 */
export async function auditAccess(db: Db, actorId: string | null, action: string, entityType: string, entityId: string | null, details: Record<string, unknown> = {}) {
  await db.insert(auditLog).values({ actorId, action, entityType, entityId, before: null, after: snapshot(details) });
}
