import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { projects, projectTotals, type Stage, STAGES } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { addDecimals, roundDecimal } from "@/lib/money";
import { type BoardFilters, pipelineWhere, totalsWhere } from "./board-where";
import { readsHistory } from "./figure-filters";
import { rateToCny } from "./cny";

export interface PipelineColumn {
  stage: Stage;
  count: number;
  /** The column's planned investment in CNY, two decimals (lib/projects/board-figures.ts defines it). */
  totalCny: string;
  /** The planned amounts per currency, each summed in its own currency: what the total converts. */
  planned: Record<string, string>;
}

export interface PipelineTotals {
  columns: PipelineColumn[];
  /** CNY per unit of each currency in the totals, as valid today; a currency without a rate is absent. */
  rates: Record<string, string>;
}

/**
 * Every column's count and CNY total for the caller and the filters, from project_totals: a few
 * rows per stage, whatever the number of projects. Each currency's sum is converted in SQL and
 * rounded to the fen (round(Σ amounts × rate, 2)); the per-currency figures are then added exactly.
 */
export async function getPipelineTotals(db: Db, viewer: Viewer, filters: BoardFilters): Promise<PipelineTotals> {
  const rows = readsHistory(filters) ? await totalsFromProjects(db, viewer, filters) : await db
    .select({
      stage: projectTotals.stage,
      currency: projectTotals.currency,
      count: sql<number>`sum(${projectTotals.projects})::int`,
      planned: sql<string>`sum(${projectTotals.planned})::text`,
      rate: sql<string | null>`${rateToCny(projectTotals.currency)}::text`,
      cny: sql<string | null>`round(sum(${projectTotals.planned}) * ${rateToCny(projectTotals.currency)}, 2)::text`,
    })
    .from(projectTotals)
    .where(totalsWhere(viewer, filters))
    .groupBy(projectTotals.stage, projectTotals.currency);

  const rates: Record<string, string> = {};
  const columns = STAGES.map((stage): PipelineColumn => {
    const mine = rows.filter((r) => r.stage === stage);
    const planned: Record<string, string> = {};
    for (const r of mine) {
      planned[r.currency] = r.planned;
      if (r.rate !== null) rates[r.currency] = r.rate;
    }
    const converted = mine.flatMap((r) => (r.cny === null ? [] : [r.cny]));
    return {
      stage,
      count: mine.reduce((n, r) => n + Number(r.count), 0),
      totalCny: roundDecimal(addDecimals("0", ...converted), 2),
      planned,
    };
  });
  return { columns, rates };
}

/**
 * The same figures from the projects themselves, for filters on a project's history (a review
 * figure's projects), which project_totals does not hold: the few projects such a filter selects,
 * summed per stage and currency as the totals are (a missing amount adds nothing).
 */
function totalsFromProjects(db: Db, viewer: Viewer, filters: BoardFilters) {
  return db
    .select({
      stage: projects.stage,
      currency: projects.currency,
      count: sql<number>`count(*)::int`,
      planned: sql<string>`coalesce(sum(${projects.plannedAmount}), 0)::text`,
      rate: sql<string | null>`${rateToCny(projects.currency)}::text`,
      cny: sql<string | null>`round(coalesce(sum(${projects.plannedAmount}), 0) * ${rateToCny(projects.currency)}, 2)::text`,
    })
    .from(projects)
    .where(pipelineWhere(viewer, filters))
    .groupBy(projects.stage, projects.currency);
}
