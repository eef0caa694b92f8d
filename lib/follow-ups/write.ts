import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import type { FOLLOW_UP_KINDS } from "@/db/enums";
import { followUps, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { checkAssignee } from "./records";

export interface NewFollowUp {
  enterpriseId: string;
  projectId?: string | null;
  visitId?: string | null;
  kind: (typeof FOLLOW_UP_KINDS)[number];
  title: string;
  dueOn: string;
  /** Whom it is for; the caller when not given. */
  assigneeId?: string;
}

export interface FollowUpWriteOptions {
  /** The form field a refused assignee is reported on: "assigneeId", or a visit's "steps.2.assigneeId". */
  assigneeField?: string;
  /**
   * The team of an admin's follow-up for themselves: the team they signed in with ("session", the
   * follow-up form and a visit's next steps), or their user row as this transaction reads it
   * ("stored", an alert handed out). For anyone else an admin's follow-up takes the assignee's stored team.
   */
  adminOwnTeam?: "session" | "stored";
}

/**
 * Creates a follow-up: from the follow-up form, from a visit's next steps and from a project
 * alert, one set of rules. Its team is the caller's, except that an admin's belongs to the
 * assignee's team; the assignee is a member of that team, or the caller taking it themselves
 * (checkAssignee). The caller checks the enterprise, project and visit it is about first.
 */
export async function insertFollowUp(tx: Tx, viewer: Viewer, values: NewFollowUp, opts: FollowUpWriteOptions = {}) {
  const assigneeId = values.assigneeId ?? viewer.id;
  let teamId = viewer.teamId;
  if (viewer.role === "admin" && (assigneeId !== viewer.id || opts.adminOwnTeam === "stored")) {
    const [person] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, assigneeId));
    teamId = person?.teamId ?? null;
  }
  await checkAssignee(tx, viewer, assigneeId, teamId, opts.assigneeField);
  const [row] = await tx
    .insert(followUps)
    .values({
      enterpriseId: values.enterpriseId,
      projectId: values.projectId ?? null,
      visitId: values.visitId ?? null,
      kind: values.kind,
      title: values.title,
      dueOn: values.dueOn,
      assigneeId,
      teamId,
      createdBy: viewer.id,
      updatedBy: viewer.id,
    })
    .returning();
  return row!;
}
