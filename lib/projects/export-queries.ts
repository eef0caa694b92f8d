import "server-only";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import type { PROJECT_STATUSES, Stage } from "@/db/enums";
import { chainNodes, enterprises, projects, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { type BoardFilters, pipelineWhere } from "./board-where";
import { cnyAmount } from "./cny";

export interface ProjectExportRow {
  id: string;
  name: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
  stage: Stage;
  status: (typeof PROJECT_STATUSES)[number];
  chainNodeZh: string | null;
  chainNodeEn: string | null;
  plannedAmount: string | null;
  currency: string;
  cnyAmount: string | null;
  teamNameZh: string | null;
  teamNameEn: string | null;
  ownerName: string | null;
  signedOn: string | null;
  stageChangedAt: Date;
}

/** Where a page ended: the next page starts after this row, in the list's order. */
export interface ProjectExportCursor {
  stage: Stage;
  at: string;
  id: string;
}

/**
 * One page of the pipeline list as exported: the projects the board shows under the same filters
 * and the caller's visibility (pipelineWhere), in the list's order (stage, most recently moved
 * first), paged by keyset, never by OFFSET.
 */
export async function listProjectsForExport(db: Db, viewer: Viewer, filters: BoardFilters, after: ProjectExportCursor | null, limit: number) {
  // The filters are written over the projects table by its name (pipelineWhere), so it has no alias here.
  const keyset = after
    ? sql`and (projects.stage > ${after.stage}::project_stage or (projects.stage = ${after.stage}::project_stage and
        (projects.stage_changed_at < ${after.at}::timestamptz or (projects.stage_changed_at = ${after.at}::timestamptz and projects.id > ${after.id}::uuid))))`
    : sql``;
  const rows = await queryRows<Omit<ProjectExportRow, "stageChangedAt"> & { at: string }>(
    db,
    sql`
    select projects.id, projects.name, e.name_zh as "enterpriseNameZh", e.name_en as "enterpriseNameEn", projects.stage, projects.status,
      n.name_zh as "chainNodeZh", n.name_en as "chainNodeEn", projects.planned_amount::text as "plannedAmount", projects.currency,
      ${cnyAmount(sql`projects.planned_amount`, sql`projects.currency`)} as "cnyAmount",
      tm.name_zh as "teamNameZh", tm.name_en as "teamNameEn", u.name as "ownerName", projects.signed_on::text as "signedOn",
      to_char(projects.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from ${projects}
    join ${enterprises} e on e.id = projects.enterprise_id
    left join ${chainNodes} n on n.id = projects.chain_node_id
    left join ${teams} tm on tm.id = projects.team_id
    left join ${users} u on u.id = projects.owner_id
    where ${pipelineWhere(viewer, filters)} ${keyset}
    order by projects.stage, projects.stage_changed_at desc, projects.id
    limit ${limit}`,
  );
  const last = rows.at(-1);
  return {
    rows: rows.map(({ at, ...r }): ProjectExportRow => ({ ...r, stageChangedAt: new Date(at) })),
    next: rows.length === limit && last ? { stage: last.stage, at: last.at, id: last.id } : null,
  };
}
