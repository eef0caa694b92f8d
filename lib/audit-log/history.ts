import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getDelegation } from "@/lib/delegations/queries";
import { getEvent } from "@/lib/events/queries";
import { getProject } from "@/lib/projects/queries";
import { getVisit } from "@/lib/visits/queries";
import { type FieldChange, fieldChanges } from "./queries";

/** The records whose page shows their own history, each with the read that decides who may see it. */
const READERS = {
  project: getProject,
  event: getEvent,
  delegation: getDelegation,
  visit: getVisit,
} as const;
export type HistoryRecordType = keyof typeof READERS;
export const HISTORY_RECORD_TYPES = Object.keys(READERS) as HistoryRecordType[];

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  changes: FieldChange[];
}

const LIMIT = 50;

/**
 * A record's own entries in the audit log, newest first, for someone who may see the record
 * (the same read as its page); null when they may not, as for a record that does not exist.
 */
export async function listRecordHistory(db: Db, viewer: Viewer, type: HistoryRecordType, id: string): Promise<HistoryEntry[] | null> {
  if (!(await READERS[type](db, viewer, id))) return null;
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, name: users.name, email: users.email, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, type), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(LIMIT);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actor: r.name ?? r.email,
    changes: fieldChanges(r.before, r.after),
  }));
}
