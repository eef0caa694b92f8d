import "server-only";
import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "@/db";
import { chainNodes, type Enterprise, enterpriseChainNodes, enterprises, projects, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/paging";
import { visibleProjects } from "@/lib/projects/visibility";
import { queryTerms } from "@/lib/search/terms";
import { sharesNameKey } from "./duplicates";
import { distinctNameKeys } from "./name-key";
import { type EnterpriseFilters, type EnterpriseSort, isFiltered, parseEnterpriseFilters } from "./filters";

export const PAGE_SIZE = 50;

export interface EnterpriseRow {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  country: string;
  city: string | null;
  size: Enterprise["size"];
  ownership: Enterprise["ownership"];
  ownerName: string | null;
  teamNameZh: string | null;
  teamNameEn: string | null;
  chainNodesZh: string[];
  chainNodesEn: string[];
  createdAt: Date;
  updatedAt: Date;
}

// Each sort is a keyset: the column, its direction, and the type its cursor text casts back to.
const SORT_KEYS: Record<EnterpriseSort, { column: SQL; text: SQL; cast: SQL; desc: boolean }> = {
  created: { column: sql`${enterprises.createdAt}`, text: sql`${enterprises.createdAt}::text`, cast: sql`timestamptz`, desc: true },
  updated: { column: sql`${enterprises.updatedAt}`, text: sql`${enterprises.updatedAt}::text`, cast: sql`timestamptz`, desc: true },
  name: { column: sql`${enterprises.nameKey}`, text: sql`${enterprises.nameKey}`, cast: sql`text`, desc: false },
};

/**
 * The WHERE clause of the list for these filters. Enterprises are readable by every signed-in
 * member of the organisation; only projects are confidential, so the "has an active project"
 * test counts only projects the caller may see.
 */
function whereFor(viewer: Viewer, f: EnterpriseFilters): SQL {
  const terms = f.q ? queryTerms(f.q) : [];
  const termArray = sql`array[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  return and(
    isNull(enterprises.deletedAt),
    // The matches are collected from the GIN index first (an InitPlan), then sorted. Written as
    // a plain predicate, the planner may instead walk the sort index and test every row, which
    // is a full scan for a rare term such as 比亚.
    terms.length
      ? sql`${enterprises.id} = any(array(select hit.id from ${enterprises} hit where hit.search_terms @> ${termArray}))`
      : undefined,
    f.node
      ? sql`exists (select 1 from ${enterpriseChainNodes} where ${enterpriseChainNodes.enterpriseId} = ${enterprises.id} and ${enterpriseChainNodes.chainNodeId} = ${f.node})`
      : undefined,
    f.chain
      ? sql`exists (select 1 from ${enterpriseChainNodes} join ${chainNodes} on ${chainNodes.id} = ${enterpriseChainNodes.chainNodeId} where ${enterpriseChainNodes.enterpriseId} = ${enterprises.id} and ${chainNodes.chainId} = ${f.chain})`
      : undefined,
    f.country ? eq(enterprises.country, f.country) : undefined,
    f.city ? sql`lower(${enterprises.city}) = lower(${f.city})` : undefined,
    f.owner ? eq(enterprises.ownerId, f.owner === "me" ? viewer.id : f.owner) : undefined,
    f.team ? eq(enterprises.teamId, f.team) : undefined,
    f.size ? eq(enterprises.size, f.size) : undefined,
    f.ownership ? eq(enterprises.ownership, f.ownership) : undefined,
    f.active
      ? sql`exists (select 1 from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${projects.status} = 'active' and ${visibleProjects(viewer)})`
      : undefined,
  )!;
}

interface ListOptions {
  filters?: EnterpriseFilters;
  after?: string | null;
  limit?: number;
}

/** The list's SQL, one page plus one row; exported so its plan can be checked. */
export function enterpriseListQuery(db: Db, viewer: Viewer, opts: ListOptions = {}) {
  const filters = opts.filters ?? parseEnterpriseFilters({});
  const limit = Math.min(opts.limit ?? PAGE_SIZE, 1000);
  const key = SORT_KEYS[filters.sort];
  const after = decodeCursor(opts.after, filters.sort === "name" ? "text" : "time");
  const owner = alias(users, "owner");
  const nodeNames = (column: AnyPgColumn) =>
    sql<string[]>`array(select ${column} from ${enterpriseChainNodes} join ${chainNodes} on ${chainNodes.id} = ${enterpriseChainNodes.chainNodeId} where ${enterpriseChainNodes.enterpriseId} = ${enterprises.id} order by ${chainNodes.sortOrder})`;

  return db
    .select({
      id: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      creditCode: enterprises.creditCode,
      country: enterprises.country,
      city: enterprises.city,
      size: enterprises.size,
      ownership: enterprises.ownership,
      ownerName: owner.name,
      teamNameZh: teams.nameZh,
      teamNameEn: teams.nameEn,
      chainNodesZh: nodeNames(chainNodes.nameZh),
      chainNodesEn: nodeNames(chainNodes.nameEn),
      createdAt: enterprises.createdAt,
      updatedAt: enterprises.updatedAt,
      cursorValue: sql<string>`${key.text}`,
    })
    .from(enterprises)
    .leftJoin(owner, eq(owner.id, enterprises.ownerId))
    .leftJoin(teams, eq(teams.id, enterprises.teamId))
    .where(
      and(
        whereFor(viewer, filters),
        after
          ? sql`(${key.column}, ${enterprises.id}) ${key.desc ? sql`<` : sql`>`} (${after.at}::${key.cast}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(...(key.desc ? [desc(key.column), desc(enterprises.id)] : [asc(key.column), asc(enterprises.id)]))
    .limit(limit + 1);
}

export async function listEnterprises(db: Db, viewer: Viewer, opts: ListOptions = {}): Promise<{ rows: EnterpriseRow[]; next: string | null }> {
  const limit = Math.min(opts.limit ?? PAGE_SIZE, 1000);
  const rows = await enterpriseListQuery(db, viewer, opts);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorValue: _c, ...row }) => row),
    next: rows.length > limit && last ? encodeCursor({ at: last.cursorValue, id: last.id }) : null,
  };
}

export interface Total {
  value: number;
  exact: boolean;
}

const EXACT_UP_TO = 1000;

/**
 * How many enterprises match, without counting a large table row by row: exact up to a
 * thousand, beyond that an estimate (the table's statistics when nothing is filtered, else the
 * planner's). One statement, with a second only for a filter matching more than a thousand.
 */
export async function countEnterprises(db: Db, viewer: Viewer, filters: EnterpriseFilters): Promise<Total> {
  const where = whereFor(viewer, filters);
  const [row] = await queryRows<{ n: number; estimate: number }>(
    db,
    sql`select (select count(*)::int from (select 1 from ${enterprises} where ${where} limit ${EXACT_UP_TO + 1}) matching) as n,
      (select reltuples::float8 from pg_class where oid = 'enterprises'::regclass) as estimate`,
  );
  const n = Number(row?.n ?? 0);
  if (n <= EXACT_UP_TO) return { value: n, exact: true };
  if (!isFiltered(filters)) return { value: Math.max(n, Math.round(Number(row?.estimate ?? 0))), exact: false };
  const [plan] = await queryRows<{ "QUERY PLAN": unknown }>(db, sql`explain (format json) select 1 from ${enterprises} where ${where}`);
  const json = plan?.["QUERY PLAN"];
  const parsed = (typeof json === "string" ? JSON.parse(json) : json) as [{ Plan: { "Plan Rows": number } }];
  return { value: Math.max(n, Math.round(parsed[0].Plan["Plan Rows"])), exact: false };
}

export async function getEnterprise(db: Db, id: string) {
  const owner = alias(users, "owner");
  const [row] = await db
    .select({
      enterprise: enterprises,
      ownerName: owner.name,
      teamNameZh: teams.nameZh,
      teamNameEn: teams.nameEn,
    })
    .from(enterprises)
    .leftJoin(owner, eq(owner.id, enterprises.ownerId))
    .leftJoin(teams, eq(teams.id, enterprises.teamId))
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)));
  return row ?? null;
}

export interface IdentifiedEnterprise {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  aliases: string[];
  creditCode: string | null;
  country: string;
  city: string | null;
}

/**
 * The live enterprises a list row names: the one holding its credit code, and those with any
 * name (Chinese, English or an alias) whose key is the key of one of the row's names. The
 * code's holder comes first. At most ten.
 */
export async function identifyEnterprises(
  db: Db,
  opts: { names: readonly string[]; creditCode?: string | null },
): Promise<IdentifiedEnterprise[]> {
  const keys = distinctNameKeys({ aliases: opts.names });
  const code = opts.creditCode || null;
  if (keys.length === 0 && !code) return [];
  return db
    .select({
      id: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      aliases: enterprises.aliases,
      creditCode: enterprises.creditCode,
      country: enterprises.country,
      city: enterprises.city,
    })
    .from(enterprises)
    .where(and(isNull(enterprises.deletedAt), or(keys.length ? sharesNameKey(keys) : undefined, code ? eq(enterprises.creditCode, code) : undefined)))
    .orderBy(...(code ? [sql`${enterprises.creditCode} is not distinct from ${code} desc`] : []), asc(enterprises.nameKey), asc(enterprises.id))
    .limit(10);
}

/** Live enterprise holding this credit code, if any (the unique index also holds deleted ones). */
export async function findByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id, deletedAt: enterprises.deletedAt })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode));
  return row ?? null;
}
