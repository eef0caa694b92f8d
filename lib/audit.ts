import type { Tx } from "@/db";
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
