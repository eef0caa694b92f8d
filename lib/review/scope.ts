import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { chainNodes, projects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { rateToCny } from "@/lib/projects/cny";
import { visibleProjects } from "@/lib/projects/visibility";
import type { ReviewFilters } from "./filters";

/**
 * The projects every figure is computed over: visible to the caller, not deleted, narrowed by
 * team and chain. Planned amounts in CNY at today's rate (cny.ts); null when no rate is known.
 * Use as a CTE: `with s as (${scopedProjects(viewer, filters)}) …`.
 */
export function scopedProjects(viewer: Viewer, f: ReviewFilters): SQL {
  return sql`select ${projects.id} as id, ${projects.stage} as stage, ${projects.teamId} as team_id,
      ${projects.ownerId} as owner_id, ${chainNodes.chainId} as chain_id,
      round(${projects.plannedAmount} * ${rateToCny(projects.currency)}, 2) as cny
    from ${projects} left join ${chainNodes} on ${chainNodes.id} = ${projects.chainNodeId}
    where ${visibleProjects(viewer)}
      ${f.team ? sql`and ${projects.teamId} = ${f.team}` : sql``}
      ${f.chain ? sql`and ${chainNodes.chainId} = ${f.chain}` : sql``}`;
}

/** Applied, non-deleted stage changes: the history every timing figure reads. */
export const appliedChanges = sql.raw(
  `select project_id, to_stage, changed_at, created_at from stage_changes where state = 'applied' and deleted_at is null`,
);

/** A timestamp's calendar year and month in Asia/Shanghai. */
export const yearOf = (ts: SQL) => sql`extract(year from (${ts} at time zone 'Asia/Shanghai'))::int`;
export const monthOf = (ts: SQL) => sql`extract(month from (${ts} at time zone 'Asia/Shanghai'))::int`;

/** A tranche in CNY at the latest rate valid on or before the day it was received. */
export const trancheCny = sql.raw(`round(ft.amount * (case when ft.currency = 'CNY' then 1::numeric else (
    select er.rate_to_cny from exchange_rates er
    where er.currency = ft.currency and er.valid_from <= ft.received_on and er.deleted_at is null
    order by er.valid_from desc limit 1) end), 2)`);

/** Live tranches, aliased ft, with their CNY amount. */
export const liveTranches = sql`select ft.project_id, ft.received_on, ${trancheCny} as cny from fund_tranches ft where ft.deleted_at is null`;
