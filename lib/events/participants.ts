import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterprises, eventParticipants } from "@/db/schema";
import type { AuditSpec } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { type DuplicateCandidate } from "@/lib/enterprises/duplicates";
import { guardDuplicates, SimilarNameError } from "@/lib/enterprises/duplicate-guard";
import type { EnterpriseInput } from "@/lib/enterprises/schema";
import { searchColumns } from "@/lib/enterprises/search-index";
import { ActionError } from "@/lib/errors";
import { insertOwned } from "@/lib/records";
import type { ParticipantRole } from "./schema";

/** What became of one row of a bulk add, in the order the rows were sent. */
export type ParticipantOutcome =
  | { status: "added" | "revived" | "already"; enterpriseId: string; created: boolean }
  | { status: "refused"; field: string; reason: string }
  | { status: "similar"; field: string; similar: DuplicateCandidate[] };

export interface ParticipantRowInput {
  enterpriseId?: string;
  newEnterprise?: EnterpriseInput;
  role: ParticipantRole;
  confirmSimilar: boolean;
}

/**
 * A new enterprise through the same rules as the create form: a taken credit code refuses the
 * row, a similar name asks for confirmation. Returns the id, or the outcome that stops the row.
 */
async function createEnterpriseFor(
  tx: Tx,
  viewer: Viewer,
  input: EnterpriseInput,
  confirmSimilar: boolean,
  audit: AuditSpec[],
): Promise<{ id: string } | { outcome: ParticipantOutcome }> {
  try {
    await guardDuplicates(tx, input, { confirmSimilar });
  } catch (e) {
    if (e instanceof SimilarNameError) {
      const field = Object.keys(e.fieldErrors ?? {})[0] ?? "nameZh";
      return { outcome: { status: "similar", field, similar: (e.details as { similar: DuplicateCandidate[] }).similar } };
    }
    if (e instanceof ActionError) {
      const [field, reasons] = Object.entries(e.fieldErrors ?? {})[0] ?? ["_form", ["errors.invalid"]];
      return { outcome: { status: "refused", field, reason: reasons[0] ?? "errors.invalid" } };
    }
    throw e;
  }
  const row = await insertOwned(tx, enterprises, { ...input, ...searchColumns(input) }, viewer);
  audit.push({ entityType: "enterprise", entityId: row.id, before: null, after: row, action: "enterprise.create" });
  return { id: row.id };
}

/**
 * Adds each row as a participant of the event. A bad row (credit code taken, similar name
 * not confirmed, enterprise missing) is reported and skipped; the others are still added, so
 * a long list is never lost to one mistake. A participant removed earlier is revived, not
 * duplicated; one already present is left as it is.
 */
export async function addParticipantRows(tx: Tx, viewer: Viewer, eventId: string, rows: readonly ParticipantRowInput[]) {
  const audit: AuditSpec[] = [];
  const outcomes: ParticipantOutcome[] = [];
  const wanted = rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : []));
  const existing = wanted.length
    ? await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(and(inArray(enterprises.id, wanted), isNull(enterprises.deletedAt)))
    : [];
  const live = new Set(existing.map((e) => e.id));

  for (const row of rows) {
    let enterpriseId = row.enterpriseId;
    let created = false;
    if (enterpriseId && !live.has(enterpriseId)) {
      outcomes.push({ status: "refused", field: "enterpriseId", reason: "events.participants.enterpriseMissing" });
      continue;
    }
    if (!enterpriseId && row.newEnterprise) {
      const made = await createEnterpriseFor(tx, viewer, row.newEnterprise, row.confirmSimilar, audit);
      if ("outcome" in made) {
        outcomes.push(made.outcome);
        continue;
      }
      enterpriseId = made.id;
      created = true;
    }
    if (!enterpriseId) continue;
    outcomes.push({ ...(await link(tx, viewer, eventId, enterpriseId, row.role, audit)), enterpriseId, created });
  }
  return { outcomes, audit };
}

/** The participant row of this event and enterprise, removed or not, locked. */
async function lockParticipantPair(tx: Tx, eventId: string, enterpriseId: string) {
  const [row] = await tx
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.enterpriseId, enterpriseId)))
    .for("update");
  return row;
}

async function link(tx: Tx, viewer: Viewer, eventId: string, enterpriseId: string, role: ParticipantRole, audit: AuditSpec[]) {
  const current = await lockParticipantPair(tx, eventId, enterpriseId);
  if (current && !current.deletedAt) return { status: "already" as const };
  if (current) {
    const [revived] = await tx
      .update(eventParticipants)
      .set({ deletedAt: null, role, updatedAt: new Date(), updatedBy: viewer.id, version: current.version + 1 })
      .where(eq(eventParticipants.id, current.id))
      .returning();
    audit.push({ entityType: "event_participant", entityId: current.id, before: current, after: revived });
    return { status: "revived" as const };
  }
  const [added] = await tx
    .insert(eventParticipants)
    .values({ eventId, enterpriseId, role, createdBy: viewer.id, updatedBy: viewer.id })
    // Someone adding the same enterprise at this moment: theirs stands.
    .onConflictDoNothing()
    .returning();
  if (!added) return { status: "already" as const };
  audit.push({ entityType: "event_participant", entityId: added.id, before: null, after: added });
  return { status: "added" as const };
}
