import "server-only";
import { and, asc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import {
  contacts,
  delegationEnterprises,
  enterpriseChainNodes,
  enterprises,
  eventParticipants,
  followUps,
  itineraryStops,
  projects,
  visits,
} from "@/db/schema";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleFollowUps } from "@/lib/follow-ups/records";
import { visibleProjects } from "@/lib/projects/visibility";
import { queryTerms } from "@/lib/search/terms";
import { sharesNameKey } from "../duplicates";
import { aliasesFromMerge, fieldsToFill } from "./record";
import { nameKey } from "../name-key";
import { correlated } from "@/lib/sql";

/**
 * The enterprises this caller may merge, delete and restore, as a WHERE clause: the same rule as canEdit for the
 * roles that may merge at all (managers their team's, admins all).
 */
export function manageableScope(viewer: Viewer): SQL {
  if (viewer.role === "admin") return sql`true`;
  if (!atLeast(viewer.role, "manager") || !viewer.teamId) return sql`false`;
  return eq(enterprises.teamId, viewer.teamId);
}

export interface MergeCandidate {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  creditCode: string | null;
  country: string;
  city: string | null;
}

/**
 * Live enterprises matching a typed name or code that `excludeId` could be merged into: by the
 * search terms of their names (aliases included), credit code and contacts, or by the key of any
 * of their names ("BYD Co., Ltd." finds 比亚迪股份有限公司 kept with the English name "BYD
 * Company Limited").
 */
export async function findMergeCandidates(
  db: Db | Tx,
  viewer: Viewer,
  opts: { query: string; excludeId: string; limit?: number },
): Promise<MergeCandidate[]> {
  const terms = queryTerms(opts.query);
  const key = nameKey(opts.query.slice(0, 200));
  if (terms.length === 0 && !key) return [];
  return db
    .select({
      id: enterprises.id,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      creditCode: enterprises.creditCode,
      country: enterprises.country,
      city: enterprises.city,
    })
    .from(enterprises)
    .where(
      and(
        isNull(enterprises.deletedAt),
        ne(enterprises.id, opts.excludeId),
        or(
          terms.length ? sql`${enterprises.searchTerms} @> ARRAY[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[]` : undefined,
          key ? sharesNameKey([key]) : undefined,
        ),
        manageableScope(viewer),
      ),
    )
    .orderBy(asc(enterprises.nameKey), asc(enterprises.id))
    .limit(Math.min(opts.limit ?? 8, 20));
}

const live = (table: { enterpriseId: unknown; deletedAt: unknown }) =>
  sql`${table.enterpriseId} = ${enterprises.id} and ${table.deletedAt} is null`;

/** One live enterprise with how many rows of each kind it holds, for the side-by-side view. */
async function withCounts(db: Db | Tx, viewer: Viewer, id: string) {
  const count = (table: Parameters<typeof live>[0] & object, name: string) =>
    sql<number>`(select count(*)::int from ${table} where ${live(table)})`.as(name);
  const [row] = await db
    .select({
      id: enterprises.id,
      version: enterprises.version,
      nameZh: enterprises.nameZh,
      nameEn: enterprises.nameEn,
      aliases: enterprises.aliases,
      creditCode: enterprises.creditCode,
      country: enterprises.country,
      province: enterprises.province,
      city: enterprises.city,
      size: enterprises.size,
      ownership: enterprises.ownership,
      website: enterprises.website,
      description: enterprises.description,
      counts: {
        contacts: count(contacts, "contacts"),
        visits: count(visits, "visits"),
        // A project (and its follow-ups) the caller cannot see is in no count they are shown.
        projects: correlated<number>(sql`(select count(*)::int from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${visibleProjects(viewer)})`).as("projects"),
        followUps: correlated<number>(sql`(select count(*)::int from ${followUps} where ${followUps.enterpriseId} = ${enterprises.id} and ${visibleFollowUps(viewer)})`).as("follow_ups"),
        stops: count(itineraryStops, "stops"),
        participants: count(eventParticipants, "participants"),
        delegationLinks: count(delegationEnterprises, "delegation_links"),
        chainNodes: correlated<number>(sql`(select count(*)::int from ${enterpriseChainNodes} where ${enterpriseChainNodes.enterpriseId} = ${enterprises.id})`).as("chain_nodes"),
      },
    })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt), manageableScope(viewer)));
  return row ?? null;
}

export type MergeSide = NonNullable<Awaited<ReturnType<typeof withCounts>>>;

/**
 * Both records of a planned merge with what each holds, which of the survivor's empty fields
 * the merged record will fill, and which of its names the survivor will take as aliases. Null when either is gone or not the caller's to merge.
 */
export async function getMergePreview(db: Db | Tx, viewer: Viewer, ids: { survivorId: string; mergedId: string }) {
  if (ids.survivorId === ids.mergedId) return null;
  // One after the other: inside an action both run on the transaction's single connection.
  const survivor = await withCounts(db, viewer, ids.survivorId);
  const merged = await withCounts(db, viewer, ids.mergedId);
  if (!survivor || !merged) return null;
  const filled = fieldsToFill(survivor, merged);
  return { survivor, merged, filled: Object.keys(filled), aliasesAdded: aliasesFromMerge({ ...survivor, ...filled }, merged) };
}

export type MergePreview = NonNullable<Awaited<ReturnType<typeof getMergePreview>>>;
