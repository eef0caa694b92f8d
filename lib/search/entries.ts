import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contacts, delegations, events, projects, searchEntries, visits } from "@/db/schema";
import type { AuditSpec } from "@/lib/audit";
import { documentTerms } from "./terms";

/**
 * The search box's own entries: for each kind of record, the fields its terms come from. A
 * project and a visit are also found by their enterprise's names, through the enterprise's own
 * terms (lib/search/find.ts), so a renamed or merged enterprise needs no entry rewritten.
 */
const SOURCES = {
  contact: { table: contacts, texts: (r: Row) => [r.name, r.title] },
  project: { table: projects, texts: (r: Row) => [r.name] },
  event: { table: events, texts: (r: Row) => [r.nameZh, r.nameEn, r.city, r.venue, r.host] },
  delegation: { table: delegations, texts: (r: Row) => [r.name, r.leaderName, r.destination] },
  visit: { table: visits, texts: (r: Row) => [r.place] },
} as const;
export type EntryKind = keyof typeof SOURCES;
type Row = Record<string, unknown> & { [k: string]: string | null | undefined | unknown };

const isKind = (type: string): type is EntryKind => Object.hasOwn(SOURCES, type);
const termsOf = (kind: EntryKind, row: Row) => documentTerms(SOURCES[kind].texts(row).map((v) => (typeof v === "string" ? v : null)));

/**
 * Brings the entries of the records a write changed up to date, from its audit entries (each
 * holds the row as stored): a live record's terms are written, a deleted one's entry removed.
 * Called by the action wrapper inside the write's transaction, so the two never disagree.
 */
export async function updateSearchEntries(tx: Tx, audit: readonly AuditSpec[]) {
  const latest = new Map<string, { kind: EntryKind; id: string; row: Row | null }>();
  for (const a of audit) {
    if (!isKind(a.entityType) || !a.entityId) continue;
    const row = a.after && typeof a.after === "object" ? (a.after as Row) : null;
    latest.set(`${a.entityType}:${a.entityId}`, { kind: a.entityType, id: a.entityId, row: row && !row.deletedAt ? row : null });
  }
  if (latest.size === 0) return;
  const live = [...latest.values()].filter((e) => e.row);
  const gone = [...latest.values()].filter((e) => !e.row);
  for (const e of gone) await tx.delete(searchEntries).where(and(sql`${searchEntries.kind} = ${e.kind}`, sql`${searchEntries.recordId} = ${e.id}`));
  if (live.length) {
    await tx
      .insert(searchEntries)
      .values(live.map((e) => ({ kind: e.kind, recordId: e.id, terms: termsOf(e.kind, e.row!) })))
      .onConflictDoUpdate({ target: [searchEntries.kind, searchEntries.recordId], set: { terms: sql`excluded.terms` } });
  }
}

const BATCH = 1000;

/**
 * Gives every live record that has no entry one: rows the seed wrote directly and rows from
 * before the search box. With nothing to do it costs one anti-join per kind. Not server-only:
 * the seed uses it. Returns how many entries it wrote.
 */
export async function backfillSearchEntries(db: Db | Tx): Promise<number> {
  let written = 0;
  for (const kind of Object.keys(SOURCES) as EntryKind[]) {
    const table = SOURCES[kind].table;
    const missing = await db
      .select({ id: table.id })
      .from(table)
      .where(and(isNull(table.deletedAt), sql`not exists (select 1 from ${searchEntries} s where s.kind = ${kind} and s.record_id = ${table.id})`));
    for (let i = 0; i < missing.length; i += BATCH) {
      const rows = (await db
        .select()
        .from(table)
        .where(inArray(table.id, missing.slice(i, i + BATCH).map((m) => m.id)))) as unknown as (Row & { id: string })[];
      if (rows.length === 0) continue;
      await db
        .insert(searchEntries)
        .values(rows.map((r) => ({ kind, recordId: r.id, terms: termsOf(kind, r) })))
        .onConflictDoNothing();
      written += rows.length;
    }
  }
  return written;
}
