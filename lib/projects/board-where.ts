import "server-only";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { chainNodes, projects, projectTotals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { PipelineFilters } from "./filters";
import { visibleProjects, visibleTotals } from "./visibility";

export type BoardFilters = Omit<PipelineFilters, "view">;

/** The columns the board's filters read: the same on a project and on a row of project_totals. */
interface Filtered {
  teamId: AnyPgColumn;
  ownerId: AnyPgColumn;
  chainNodeId: AnyPgColumn;
  status: AnyPgColumn;
}

function filtered(viewer: Viewer, f: BoardFilters, t: Filtered): (SQL | undefined)[] {
  return [
    f.team ? eq(t.teamId, f.team) : undefined,
    f.owner ? eq(t.ownerId, f.owner === "me" ? viewer.id : f.owner) : undefined,
    // The chain's nodes, looked up when the board is read: the totals are kept per node, not per chain.
    f.chain ? sql`${t.chainNodeId} in (select ${chainNodes.id} from ${chainNodes} where ${chainNodes.chainId} = ${f.chain})` : undefined,
    f.status === null ? ne(t.status, "lost") : f.status === "all" ? undefined : eq(t.status, f.status),
  ];
}

/** The caller's visibility and the URL's filters over projects: which cards the board may show. */
export function pipelineWhere(viewer: Viewer, f: BoardFilters): SQL {
  return and(visibleProjects(viewer), ...filtered(viewer, f, projects))!;
}

/** The same question over project_totals: which totals rows the board's counts and amounts add up. */
export function totalsWhere(viewer: Viewer, f: BoardFilters): SQL {
  return and(visibleTotals(viewer), ...filtered(viewer, f, projectTotals))!;
}
