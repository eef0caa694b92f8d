import "server-only";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleProjects } from "@/lib/projects/visibility";
import { shanghaiDaySql } from "@/lib/sql";
import { queryTerms } from "./terms";

export const SEARCH_KINDS = ["enterprise", "contact", "project", "event", "delegation", "visit"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** A second line: the other name, the enterprise, a day or a stage. */
  detail: string | null;
  /** A contact opens its enterprise's page. */
  href: string;
  /** For a project, its stage; for an event, a delegation or a visit, its day (YYYY-MM-DD). */
  tag: string | null;
}

/** Hits per kind; the search page shows more. */
export const PER_KIND = 6;
/** Enterprises whose names match, whose projects and visits are hits too. */
const ENTERPRISE_FAN_OUT = 50;

const HREF: Record<SearchKind, (id: string, parent: string | null) => string> = {
  enterprise: (id) => `/enterprises/${id}`,
  contact: (_id, parent) => `/enterprises/${parent}#contacts`,
  project: (id) => `/projects/${id}`,
  event: (id) => `/events/${id}`,
  delegation: (id) => `/delegations/${id}`,
  visit: (id) => `/visits/${id}`,
};

/**
 * Everything the caller may see whose names match the query, grouped by kind, in one statement:
 * enterprises by every name, alias and credit code; contacts, events and delegations by their
 * own entries (lib/search/entries.ts); projects and visits by theirs and by their enterprise's
 * names. Two Chinese characters or a Latin prefix match as in the enterprise list; every term is
 * answered from a GIN index. A confidential project appears only to those who may see it.
 */
export async function searchEverything(db: Db, viewer: Viewer, q: string, locale: string, perKind = PER_KIND): Promise<SearchHit[]> {
  const terms = queryTerms(q.slice(0, 100));
  if (terms.length === 0) return [];
  const wanted = sql`array[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  const name = (zh: string, en: string) => sql.raw(locale === "en" ? `coalesce(${en}, ${zh})` : `coalesce(${zh}, ${en})`);
  const other = (zh: string, en: string) => sql.raw(locale === "en" ? `nullif(${zh}, coalesce(${en}, ${zh}))` : `nullif(${en}, coalesce(${zh}, ${en}))`);
  const entries = (kind: string) => sql`(select s.record_id from search_entries s where s.kind = ${kind} and s.terms @> ${wanted})`;
  const rows = await queryRows<{ kind: SearchKind; id: string; title: string | null; detail: string | null; parent: string | null; tag: string | null }>(
    db,
    sql`with named as (
      select e.id from enterprises e where e.search_terms @> ${wanted} and e.deleted_at is null
      order by e.name_key, e.id limit ${ENTERPRISE_FAN_OUT}
    )
    (select 'enterprise' as kind, e.id, ${name("e.name_zh", "e.name_en")} as title, ${other("e.name_zh", "e.name_en")} as detail, null::uuid as parent, null::text as tag
      from enterprises e where e.id in (select id from named) order by e.name_key, e.id limit ${perKind})
    union all
    (select 'contact', c.id, c.name, ${name("e.name_zh", "e.name_en")}, c.enterprise_id, c.title
      from contacts c join enterprises e on e.id = c.enterprise_id
      where c.id in ${entries("contact")} and c.deleted_at is null and e.deleted_at is null
      order by c.name, c.id limit ${perKind})
    union all
    (select 'project', projects.id, projects.name, ${name("e.name_zh", "e.name_en")}, null, projects.stage::text
      from projects join enterprises e on e.id = projects.enterprise_id
      where (projects.id in ${entries("project")} or projects.enterprise_id in (select id from named)) and ${visibleProjects(viewer)}
      order by projects.updated_at desc, projects.id limit ${perKind})
    union all
    (select 'event', ev.id, ${name("ev.name_zh", "ev.name_en")}, ev.city, null, ev.starts_on::text
      from events ev where ev.id in ${entries("event")} and ev.deleted_at is null
      order by ev.starts_on desc, ev.id limit ${perKind})
    union all
    (select 'delegation', d.id, d.name, d.destination, null, d.starts_on::text
      from delegations d where d.id in ${entries("delegation")} and d.deleted_at is null
      order by d.starts_on desc, d.id limit ${perKind})
    union all
    (select 'visit', v.id, ${name("e.name_zh", "e.name_en")}, v.place, null, ${shanghaiDaySql(sql.raw("v.occurred_at"))}::text
      from visits v join enterprises e on e.id = v.enterprise_id
      where (v.id in ${entries("visit")} or v.enterprise_id in (select id from named)) and v.deleted_at is null
      order by v.occurred_at desc, v.id limit ${perKind})`,
  );
  return rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title ?? "", detail: r.detail, href: HREF[r.kind](r.id, r.parent), tag: r.tag }));
}
