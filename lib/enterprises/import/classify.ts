import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { contacts, enterprises } from "@/db/schema";
import type { AuditSpec } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { candidateKeys, findDuplicateCandidates } from "../duplicates";
import type { ImportRow } from "./fields";
import { type ImportRowResult, markInFileDuplicates } from "./report";
import { type ContactInput, rowName, validateImportRow } from "./validate";
import type { EnterpriseInput } from "../schema";
import { searchColumns } from "../search-index";

export interface ClassifiedChunk {
  /** One per input row, in order. */
  results: ImportRowResult[];
  /** The checked values of each row still "new", by position. */
  accepted: ({ enterprise: EnterpriseInput; contact: ContactInput | null } | null)[];
}

const displayName = (e: { nameZh: string | null; nameEn: string | null }) => e.nameZh ?? e.nameEn ?? "";

/**
 * Validates each row and compares it with the enterprises already in the database (two
 * queries for the whole chunk) and with the earlier rows of the chunk, by credit code and by
 * every name on either side. Writes nothing.
 */
export async function classifyRows(tx: Tx, rows: readonly ImportRow[]): Promise<ClassifiedChunk> {
  const checked = rows.map((r) => validateImportRow(r.values));
  const codes: string[] = [];
  const nameKeys: string[] = [];
  for (const c of checked) {
    if (!c.ok) continue;
    if (c.enterprise.creditCode) codes.push(c.enterprise.creditCode);
    for (const k of c.keys) if (k.startsWith("name:")) nameKeys.push(k.slice(5));
  }

  // The unique index also holds deleted and merged-away records, so look at those too.
  const byCode = new Map(
    codes.length === 0
      ? []
      : (
          await tx
            .select({ id: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn, creditCode: enterprises.creditCode, deletedAt: enterprises.deletedAt })
            .from(enterprises)
            .where(inArray(enterprises.creditCode, [...new Set(codes)]))
        ).map((e) => [e.creditCode!, e] as const),
  );
  // Every name of an enterprise already in Landfall (Chinese, English, aliases) against every
  // name of the row.
  const byName = new Map<string, { id: string; name: string }>();
  const candidates = await findDuplicateCandidates(tx, { nameKeys, limit: Math.max(1000, nameKeys.length * 4) });
  for (const e of candidates) {
    for (const key of candidateKeys(e)) if (!byName.has(key)) byName.set(key, { id: e.id, name: displayName(e) });
  }

  const accepted: ClassifiedChunk["accepted"] = [];
  const results = checked.map((c, i): ImportRowResult => {
    const { row } = rows[i]!;
    const name = rowName(rows[i]!.values);
    accepted.push(null);
    if (!c.ok) return { row, name, status: "invalid", errors: c.errors };
    const sameCode = c.enterprise.creditCode ? byCode.get(c.enterprise.creditCode) : undefined;
    if (sameCode) {
      const live = !sameCode.deletedAt;
      return { row, name, status: "duplicate", reason: { kind: "existing", match: "creditCode", id: live ? sameCode.id : null, name: live ? displayName(sameCode) : null } };
    }
    const sameName = c.keys.map((k) => (k.startsWith("name:") ? byName.get(k.slice(5)) : undefined)).find(Boolean);
    if (sameName) return { row, name, status: "duplicate", reason: { kind: "existing", match: "name", ...sameName } };
    accepted[i] = { enterprise: c.enterprise, contact: c.contact };
    return { row, name, status: "new", keys: c.keys };
  });

  const marked = markInFileDuplicates(results);
  return { results: marked, accepted: accepted.map((a, i) => (marked[i]!.status === "new" ? a : null)) };
}

/**
 * Creates the rows still "new": one bulk insert of enterprises (owned by the caller and
 * their team, search columns including the contact's name), one of their first contacts,
 * and an audit entry for every record created.
 */
export async function insertClassifiedRows(tx: Tx, viewer: Viewer, chunk: ClassifiedChunk): Promise<{ results: ImportRowResult[]; audit: AuditSpec[] }> {
  const planned = chunk.accepted.flatMap((a, index) => (a ? [{ index, id: randomUUID(), ...a }] : []));
  if (planned.length === 0) return { results: chunk.results, audit: [] };
  const by = { createdBy: viewer.id, updatedBy: viewer.id };

  // A credit code saved by someone else since the check (the advisory lock queues imports,
  // not single creates) is skipped by the unique index instead of failing the chunk.
  const created = await tx
    .insert(enterprises)
    .values(
      planned.map((p) => ({
        ...p.enterprise,
        ...searchColumns(p.enterprise, p.contact?.name ? [p.contact.name] : []),
        id: p.id,
        ownerId: viewer.id,
        teamId: viewer.teamId,
        ...by,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const createdIds = new Set(created.map((e) => e.id));

  const people = planned.filter((p) => p.contact?.name && createdIds.has(p.id));
  const createdContacts = people.length
    ? await tx
        .insert(contacts)
        .values(people.map((p) => ({ enterpriseId: p.id, name: p.contact!.name!, title: p.contact!.title, phone: p.contact!.phone, email: p.contact!.email, ...by })))
        .returning()
    : [];

  const results = [...chunk.results];
  for (const p of planned) {
    const r = results[p.index]!;
    results[p.index] = createdIds.has(p.id)
      ? { row: r.row, name: r.name, status: "created", id: p.id }
      : { row: r.row, name: r.name, status: "duplicate", reason: { kind: "existing", match: "creditCode", id: null, name: null } };
  }
  const audit: AuditSpec[] = [
    ...created.map((e) => ({ entityType: "enterprise", entityId: e.id, before: null, after: e })),
    ...createdContacts.map((c) => ({ entityType: "contact", entityId: c.id, before: null, after: c })),
  ];
  return { results, audit };
}
