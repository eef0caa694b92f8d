import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { projectTotals, reviewFactKindEnum, reviewFacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { rateToCny } from "@/lib/projects/cny";
import { type Keyed, keyWhere } from "@/lib/projects/figure-filters";
import { visibleFacts, visibleTotals } from "@/lib/projects/visibility";
import type { ReviewFilters } from "./filters";

// The review reads two summaries, never the projects, their stage changes or their tranches:
// project_totals (counts and planned amounts per stage, team, owner, chain node, confidentiality
// and currency) and review_facts (each project's signings, starts, furthest stage, stints and
// tranches). Both carry the project's team, owner, chain node and confidentiality, so the caller's
// visibility and the filters apply to their rows as to the projects themselves.

type FactKind = (typeof reviewFactKindEnum.enumValues)[number];

/**
 * The team and chain filters over the columns both summaries share, as the pipeline list reads
 * them (lib/projects/figure-filters.ts): a figure's link to its projects carries the same two.
 */
const narrowed = (viewer: Viewer, f: ReviewFilters, t: Keyed) => keyWhere(viewer, { team: f.team, chain: f.chain, owner: null }, t);

/** The rows of project_totals the caller's figures add up: visible, of the team and chain chosen. */
export function totalsInScope(viewer: Viewer, f: ReviewFilters): SQL {
  return and(visibleTotals(viewer), ...narrowed(viewer, f, projectTotals))!;
}

/**
 * The facts the caller's figures count: of visible projects, of the team and chain chosen, and
 * of one kind (or matching `when`, a dated or reached predicate from lib/projects/figure-filters.ts,
 * which the list filters a figure's projects with too).
 */
export function factsInScope(viewer: Viewer, f: ReviewFilters, kind: FactKind | SQL): SQL {
  return and(typeof kind === "string" ? eq(reviewFacts.kind, kind) : kind, visibleFacts(viewer), ...narrowed(viewer, f, reviewFacts))!;
}

/**
 * Planned amounts in CNY, over rows already summed per currency (`rel.planned`, `rel.currency`):
 * each currency's sum converted at today's rate and rounded to the fen, as the board's totals
 * (lib/projects/board-figures.ts). Add these over the currencies; a currency without a rate adds
 * nothing. The columns are qualified: inside the rate's subquery a bare `currency` is the rate's.
 */
export const plannedCny = (rel: string) => sql`round(${sql.raw(`${rel}.planned`)} * ${rateToCny(sql.raw(`${rel}.currency`))}, 2)`;
