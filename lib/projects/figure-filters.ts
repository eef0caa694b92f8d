import "server-only";
import { and, eq, gte, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Stage } from "@/db/enums";
import { chainNodes, projects, reviewFacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { type FigureEvent, NONE, type PipelineFilters } from "./filters";

// What the pipeline's filters mean, written once for every table that carries a project's team,
// owner, chain node and stage: projects (the list's cards), project_totals (its counts) and
// review_facts (the review's figures). A review figure links to the list with the filters that
// select the projects behind it, and both sides build their WHERE clauses here, so the figure and
// the list's count cannot come to mean different things.

/** The columns the key filters read: the same on a project, a row of project_totals and a review fact. */
export interface Keyed {
  teamId: AnyPgColumn;
  ownerId: AnyPgColumn;
  chainNodeId: AnyPgColumn;
}

type Keys = Pick<PipelineFilters, "team" | "owner" | "chain">;

/**
 * Team, owner and chain: an id, or "none" for the projects without one. The chain is the chain of
 * the project's node; a project without a node (or whose node is gone) has none.
 */
export function keyWhere(viewer: Viewer, f: Keys, t: Keyed): (SQL | undefined)[] {
  const nodesOf = (chain: string) => sql`(select ${chainNodes.id} from ${chainNodes} where ${chainNodes.chainId} = ${chain})`;
  return [
    f.team === NONE ? isNull(t.teamId) : f.team ? eq(t.teamId, f.team) : undefined,
    f.owner === NONE ? isNull(t.ownerId) : f.owner ? eq(t.ownerId, f.owner === "me" ? viewer.id : f.owner) : undefined,
    f.chain === NONE
      ? sql`not exists (select 1 from ${chainNodes} where ${chainNodes.id} = ${t.chainNodeId})`
      : f.chain
        ? sql`${t.chainNodeId} in ${nodesOf(f.chain)}`
        : undefined,
  ];
}

/** The current stage: exactly one, or one and every later stage. */
export function stageWhere(f: Pick<PipelineFilters, "inStage" | "stageFrom">, stage: AnyPgColumn): (SQL | undefined)[] {
  return [f.inStage ? eq(stage, f.inStage) : undefined, f.stageFrom ? gte(stage, f.stageFrom) : undefined];
}

/** A month as the review facts date it: the Asia/Shanghai calendar year and month. */
export interface Month {
  year: number;
  month: number;
}

export const parseMonth = (v: string | null | undefined): Month | null => {
  const m = v ? /^(\d{4})-(\d{2})$/.exec(v) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
};

/** "2026-03" for a month. */
export const monthParam = (m: Month) => `${m.year}-${String(m.month).padStart(2, "0")}`;

/**
 * Facts of a kind dated in the months from `from` to `to` (both included, either open): the rows
 * of review_facts a dated figure counts or sums. The (kind, year, month) index answers it.
 */
export function factWhen(kind: FigureEvent, from: Month | null, to: Month | null): SQL {
  const rf = reviewFacts;
  return and(
    eq(rf.kind, kind),
    from ? sql`(${rf.year}, ${rf.month}) >= (${from.year}::int, ${from.month}::int)` : undefined,
    to ? sql`(${rf.year}, ${rf.month}) <= (${to.year}::int, ${to.month}::int)` : undefined,
  )!;
}

/** The whole calendar year. */
export const yearWhen = (kind: FigureEvent, year: number, upToMonth = 12) => factWhen(kind, { year, month: 1 }, { year, month: upToMonth });

/** The furthest-stage facts of projects whose applied changes reached `stage` or a later one. */
export function reachedWhen(stage: Stage | SQL): SQL {
  return and(eq(reviewFacts.kind, "top"), sql`${reviewFacts.stage} >= ${typeof stage === "string" ? sql`${stage}::project_stage` : stage}`)!;
}

/** A project (of the table `projects`, unaliased) with at least one fact matching `fact`. */
const hasFact = (fact: SQL) => sql`exists (select 1 from ${reviewFacts} where ${reviewFacts.projectId} = ${projects.id} and ${fact})`;

/** The filters that read a project's history, over projects: through the same fact predicates the review counts with. */
export function historyWhere(f: Pick<PipelineFilters, "reached" | "event" | "from" | "to">): (SQL | undefined)[] {
  return [
    f.reached ? hasFact(reachedWhen(f.reached)) : undefined,
    f.event ? hasFact(factWhen(f.event, parseMonth(f.from), parseMonth(f.to))) : undefined,
  ];
}

/** Whether the filters read history, which project_totals does not hold. */
export const readsHistory = (f: Pick<PipelineFilters, "reached" | "event">) => Boolean(f.reached || f.event);
