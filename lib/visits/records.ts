import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { contacts, users, visitAttendees, visits } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { FieldError } from "@/lib/errors";

export type Visit = typeof visits.$inferSelect;
type Attendee = typeof visitAttendees.$inferSelect;

interface Attendees {
  ours: string[];
  theirs: string[];
  theirsNew: string[];
}

/**
 * Checks the people named on a visit — our side active users, their side contacts of the
 * visited enterprise — and writes them. Refuses the whole list on one stranger.
 */
export async function insertAttendees(tx: Tx, viewer: Viewer, visitId: string, enterpriseId: string, who: Attendees): Promise<Attendee[]> {
  const ours = [...new Set(who.ours)];
  const theirs = [...new Set(who.theirs)];
  if (ours.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ours), isNull(users.deactivatedAt), isNull(users.deletedAt)));
    if (found.length !== ours.length) throw new FieldError("ours", "visits.rules.unknownUser");
  }
  if (theirs.length) {
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(inArray(contacts.id, theirs), eq(contacts.enterpriseId, enterpriseId), isNull(contacts.deletedAt)));
    if (found.length !== theirs.length) throw new FieldError("theirs", "visits.rules.contactNotOfEnterprise");
  }
  const rows = [
    ...ours.map((userId) => ({ side: "ours" as const, userId })),
    ...theirs.map((contactId) => ({ side: "theirs" as const, contactId })),
    ...who.theirsNew.map((name) => ({ side: "theirs" as const, name })),
  ];
  if (rows.length === 0) return [];
  return tx
    .insert(visitAttendees)
    .values(rows.map((r) => ({ ...r, visitId, createdBy: viewer.id, updatedBy: viewer.id })))
    .returning();
}

/** The attendees as the form edits them, for audit snapshots and conflict details. */
export async function attendeesOf(tx: Tx, visitId: string): Promise<Attendees> {
  const rows = await tx.select().from(visitAttendees).where(and(eq(visitAttendees.visitId, visitId), isNull(visitAttendees.deletedAt)));
  return {
    ours: rows.filter((r) => r.side === "ours" && r.userId).map((r) => r.userId!),
    theirs: rows.filter((r) => r.side === "theirs" && r.contactId).map((r) => r.contactId!),
    theirsNew: rows.filter((r) => r.side === "theirs" && !r.contactId && r.name).map((r) => r.name!),
  };
}
