import type { Stage } from "@/db/enums";
import { type FigureEvent, NONE, type PipelineFilters, pipelineSearch } from "@/lib/projects/filters";
import type { ReviewFilters } from "./filters";

/**
 * The pipeline list of the projects behind a review figure: the review's team and chain, every
 * status (the review counts lost projects too), and the figure's own filters. The list reads them
 * with the predicates the figure is computed with (lib/projects/figure-filters.ts).
 */
export function figureHref(f: ReviewFilters, extra: Partial<PipelineFilters>): string {
  return `/pipeline${pipelineSearch({ team: f.team, chain: f.chain, owner: null, status: "all", view: "list", ...extra })}`;
}

/** A row key of a breakdown: an id, or none. */
export const keyParam = (key: string | null) => key ?? NONE;

/** Facts of a kind dated in the review's year, up to the end of `upToMonth`. */
export function inYear(f: ReviewFilters, event: FigureEvent, upToMonth = 12): Partial<PipelineFilters> {
  return { event, from: `${f.year}-01`, to: `${f.year}-${String(upToMonth).padStart(2, "0")}` };
}

export const atStage = (stage: Stage): Partial<PipelineFilters> => ({ inStage: stage });
export const reached = (stage: Stage): Partial<PipelineFilters> => ({ reached: stage });
