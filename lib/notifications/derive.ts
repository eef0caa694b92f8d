import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { notifications, projects, users } from "@/db/schema";
import type { AuditSpec } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import type { NotificationKind, NotificationRecordType } from "./kinds";

type Row = Record<string, unknown>;
const asRow = (v: unknown): Row | null => (v && typeof v === "object" ? (v as Row) : null);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

interface Planned {
  recipientId: string;
  kind: NotificationKind;
  recordType: NotificationRecordType;
  recordId: string;
}

// Columns every write bumps: a change of only these is no change a person is told of.
const BOOKKEEPING = new Set(["version", "updatedAt", "updatedBy", "stageChangedAt"]);
function changed(before: Row, after: Row): boolean {
  return Object.keys(after).some((k) => !BOOKKEEPING.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * What the write means for the people it concerns, read from its audit entries (each holds the
 * rows as stored). Nobody is told of their own action. At most one item per person and record:
 * the first rule that applies (a decided request says more than the project move it caused).
 */
async function plan(tx: Tx, viewer: Viewer, actionName: string, audit: readonly AuditSpec[]): Promise<Planned[]> {
  const out: Planned[] = [];
  const pendingProjects: string[] = [];
  for (const a of audit) {
    const before = asRow(a.before);
    const after = asRow(a.after);
    if (!after || after.deletedAt) continue;
    if (a.entityType === "follow_up" && a.entityId) {
      const assignee = str(after.assigneeId);
      if (assignee && after.status === "open" && (!before || before.assigneeId !== assignee)) {
        const kind = (a.action ?? actionName) === "alert.assign" ? "alertAssigned" : "followUpAssigned";
        out.push({ recipientId: assignee, kind, recordType: "follow_up", recordId: a.entityId });
      }
    } else if (a.entityType === "stage_change") {
      const projectId = str(after.projectId);
      if (!projectId) continue;
      if (!before && after.state === "pending") pendingProjects.push(projectId);
      const requester = str(after.changedBy);
      if (before?.state === "pending" && (after.state === "applied" || after.state === "rejected") && a.action !== "project.requestWithdrawn" && requester) {
        out.push({ recipientId: requester, kind: after.state === "applied" ? "verificationApproved" : "verificationRejected", recordType: "project", recordId: projectId });
      }
    } else if (a.entityType === "project" && a.entityId && before) {
      const owner = str(after.ownerId);
      if (owner && changed(before, after)) {
        out.push({ recipientId: owner, kind: before.stage !== after.stage ? "projectMoved" : "projectUpdated", recordType: "project", recordId: a.entityId });
      }
    }
  }
  if (pendingProjects.length) {
    // A request is asked of the managers of the project's team: those who decide it.
    const managers = await tx
      .select({ id: users.id, projectId: projects.id })
      .from(projects)
      .innerJoin(users, and(eq(users.teamId, projects.teamId), eq(users.role, "manager"), isNull(users.deactivatedAt), isNull(users.deletedAt)))
      .where(inArray(projects.id, pendingProjects));
    // Asked first: before the project row's own entry in the same write.
    out.unshift(...managers.map((m) => ({ recipientId: m.id, kind: "verificationRequested" as const, recordType: "project" as const, recordId: m.projectId })));
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.recipientId}:${p.recordType}:${p.recordId}`;
    if (p.recipientId === viewer.id || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Writes the inbox items a write causes, in the write's transaction: the action wrapper calls it
 * after the audit entries, so no write can forget them and none is told of a write that rolled back.
 * Who may read an item's record is checked when the inbox is read (lib/notifications/queries.ts).
 */
export async function notifyFromAudit(tx: Tx, viewer: Viewer, actionName: string, audit: readonly AuditSpec[]) {
  const planned = await plan(tx, viewer, actionName, audit);
  if (planned.length === 0) return;
  await tx.insert(notifications).values(planned.map((p) => ({ ...p, actorId: viewer.id })));
}
