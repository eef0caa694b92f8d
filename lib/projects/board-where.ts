import "server-only";
import { and, eq, ne, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { projects, projectTotals } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { historyWhere, keyWhere, stageWhere } from "./figure-filters";
import type { PipelineFilters } from "./filters";
import { visibleProjects, visibleTotals } from "./visibility";

export type BoardFilters = Omit<PipelineFilters, "view">;

/** The columns the board's filters read: the same on a project and on a row of project_totals. */
interface Filtered {
  teamId: AnyPgColumn;
  ownerId: AnyPgColumn;
  chainNodeId: AnyPgColumn;
  status: AnyPgColumn;
  stage: AnyPgColumn;
}

// The chain's nodes are looked up when the board is read: the totals are kept per node, not per chain.
function filtered(viewer: Viewer, f: BoardFilters, t: Filtered): (SQL | undefined)[] {
  return [
    ...keyWhere(viewer, f, t),
    f.status === null ? ne(t.status, "lost") : f.status === "all" ? undefined : eq(t.status, f.status),
    ...stageWhere(f, t.stage),
  ];
}

/** The caller's visibility and the URL's filters over projects: which cards the board may show. */
export function pipelineWhere(viewer: Viewer, f: BoardFilters): SQL {
  return and(visibleProjects(viewer), ...filtered(viewer, f, projects), ...historyWhere(f))!;
}

/**
 * The same question over project_totals: which totals rows the board's counts and amounts add up.
 * Filters on a project's history (lib/projects/figure-filters.ts) are not in the totals; with one
 * of them the totals are read from the projects (board-totals.ts).
 */
export function totalsWhere(viewer: Viewer, f: BoardFilters): SQL {
  return and(visibleTotals(viewer), ...filtered(viewer, f, projectTotals))!;
}
