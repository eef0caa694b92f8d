import "server-only";
import { and, asc, desc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { shanghaiInstantSql } from "@/lib/sql";
import { addDays } from "@/lib/time";

/** The kinds of record the audit log names, in the order the filter offers them. */
export const AUDIT_RECORD_TYPES = [
  "enterprise",
  "contact",
  "project",
  "stage_change",
  "fund_tranche",
  "follow_up",
  "visit",
  "event",
  "event_participant",
  "delegation",
  "delegation_member",
  "delegation_enterprise",
  "itinerary_stop",
  "user",
  "team",
  "target",
  "industrial_chain",
  "chain_node",
  "exchange_rate",
  "saved_view",
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)));
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

/**
 * The log's filters, from a query string. A value that does not parse is dropped (the filter is
 * off), never an error: the page is a lookup, and a hand-edited address still shows the log.
 */
const filterShape = {
  person: z.uuid(),
  type: z.enum(AUDIT_RECORD_TYPES),
  record: z.string().max(100).regex(/^[0-9A-Za-z_-]+$/),
  // An action's name or its start: "enterprise." finds every enterprise action.
  action: z.string().max(80).regex(/^[a-z_.]+$/),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
};
export type AuditFilters = { [K in keyof typeof filterShape]?: z.output<(typeof filterShape)[K]> };

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const out: Record<string, unknown> = {};
  for (const [key, shape] of Object.entries(filterShape)) {
    const parsed = shape.safeParse(blankToUndefined(params.get(key) ?? undefined));
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as AuditFilters;
}

/** The filters as a query string, without the page cursor; for links and the export. */
export function auditFilterQuery(f: AuditFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of ["person", "type", "record", "action", "from", "to"] as const) {
    const v = f[key];
    if (v !== undefined) q.set(key, String(v));
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The record's name as it reads now (enterprise, project, event, …); null when it has none or is gone. */
  label: string | null;
  actorName: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

function conditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.person) where.push(eq(auditLog.actorId, f.person));
  if (f.type) where.push(eq(auditLog.entityType, f.type));
  if (f.record) where.push(eq(auditLog.entityId, f.record));
  if (f.action) where.push(f.action.endsWith(".") ? sql`starts_with(${auditLog.action}, ${f.action})` : eq(auditLog.action, f.action));
  if (f.from) where.push(sql`${auditLog.at} >= ${shanghaiInstantSql(f.from)}`);
  if (f.to) where.push(sql`${auditLog.at} < ${shanghaiInstantSql(addDays(f.to, 1))}`);
  if (f.before) where.push(lt(auditLog.id, f.before));
  return where;
}

// The record's current name, looked up by primary key for the kinds that have one. The id is
// cast only when it is a uuid (rates and saved views have other ids).
function labelSql(locale: string): SQL<string | null> {
  const first = sql.raw(locale === "en" ? "coalesce(x.name_en, x.name_zh)" : "coalesce(x.name_zh, x.name_en)");
  const id = sql`(case when ${auditLog.entityId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${auditLog.entityId}::uuid end)`;
  return sql<string | null>`case ${auditLog.entityType}
    when 'enterprise' then (select ${first} from enterprises x where x.id = ${id})
    when 'event' then (select ${first} from events x where x.id = ${id})
    when 'team' then (select ${first} from teams x where x.id = ${id})
    when 'project' then (select x.name from projects x where x.id = ${id})
    when 'delegation' then (select x.name from delegations x where x.id = ${id})
    when 'contact' then (select x.name from contacts x where x.id = ${id})
    when 'user' then (select coalesce(x.name, x.email) from users x where x.id = ${id})
    when 'visit' then (select ${first} from visits v join enterprises x on x.id = v.enterprise_id where v.id = ${id})
  end`;
}

const PAGE = 50;

/**
 * The audit log for admins, newest first, a page at a time (keyset on the entry's id).
 * Everyone else gets NotFoundError, as for the other admin reads.
 */
export async function listAuditEntries(db: Db, viewer: Viewer, f: AuditFilters, locale: string, limit = PAGE): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  if (viewer.role !== "admin") throw new NotFoundError();
  const where = conditions(f);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      label: labelSql(locale),
      actorName: users.name,
      actorEmail: users.email,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.id : null };
}

/** People who may appear as the actor, for the filter's list. */
export async function listAuditPeople(db: Db, viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotFoundError();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(isNull(users.deletedAt))
    .orderBy(asc(sql`coalesce(${users.name}, ${users.email})`))
    .limit(2000);
}

// Bookkeeping and derived columns (search keys, versions) that never help a reader, and fields
// that must not be shown.
const HIDDEN = new Set(["id", "createdAt", "updatedAt", "createdBy", "updatedBy", "version", "nameKey", "nameKeys", "searchTerms", "searchText"]);
const SECRET = /token|secret|password|hash/i;

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/**
 * What an entry changed, field by field: the filled fields of a record created or removed, and
 * the fields whose value differs when both sides exist. Secrets are never shown.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = before && typeof before === "object" && !Array.isArray(before) ? (before as Record<string, unknown>) : null;
  const a = after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : null;
  if (!a && !b) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k));
  const out: FieldChange[] = [];
  for (const key of keys) {
    const was = b?.[key];
    const now = a?.[key];
    if (a && b && JSON.stringify(was) === JSON.stringify(now)) continue;
    // A record created or removed: the fields it had, not the empty ones.
    if (!(a && b) && (was ?? now) == null) continue;
    if (SECRET.test(key)) {
      out.push({ field: key, before: b && was != null ? "•••" : null, after: a && now != null ? "•••" : null });
      continue;
    }
    out.push({ field: key, before: show(was), after: show(now) });
  }
  return out;
}
