import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import type { Stage } from "@/db/enums";
import { chainNodes, projectTotals, reviewFacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { reachedWhen, stageWhere, yearWhen } from "@/lib/projects/figure-filters";
import type { ReviewFilters } from "./filters";
import { factsInScope, plannedCny, totalsInScope } from "./scope";

// Each figure is one SQL query over the summaries kept in the write path (scope.ts): a few rows
// per key or one per event, never the projects table or its history. Amounts are CNY decimal
// strings: planned amounts per currency at today's rate (plannedCny), tranches each at its day's.

const stages = sql.raw(`unnest(enum_range(null::project_stage)) with ordinality as st(stage, ord)`);
const rf = reviewFacts;
const pt = projectTotals;

/** Visible projects by current stage: count and planned CNY. Every stage, zeros included. */
export async function getFunnel(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ stage: Stage; count: number; amount: string }>(db, sql`
    with t as (
      select ${pt.stage} as stage, ${pt.currency} as currency, sum(${pt.projects}) as n, sum(${pt.planned}) as planned
      from ${pt} where ${totalsInScope(viewer, f)} group by 1, 2),
    per_stage as (select t.stage, sum(t.n) as n, sum(${plannedCny("t")}) as cny from t group by t.stage)
    select st.stage::text as stage, coalesce(p.n, 0)::int as count, coalesce(p.cny, 0)::text as amount
    from ${stages} left join per_stage p on p.stage = st.stage
    order by st.ord`);
}

/**
 * Conversion from each stage to the next: of the projects that ever reached stage k (an applied
 * change into k or a later stage), how many reached k+1. Rate is a fraction, 4 decimals.
 */
export async function getConversion(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ fromStage: Stage; toStage: Stage; reached: number; advanced: number; rate: string | null }>(db, sql`
    with per_stage as (
      select st.stage, st.ord, (select count(*) from ${rf} where ${factsInScope(viewer, f, reachedWhen(sql`st.stage`))})::int as reached
      from ${stages}),
    pairs as (select stage, ord, reached, lead(stage) over (order by ord) as next_stage, lead(reached) over (order by ord) as advanced from per_stage)
    select stage::text as "fromStage", next_stage::text as "toStage", reached, advanced,
      case when reached = 0 then null else round(advanced::numeric / reached, 4)::text end as rate
    from pairs where next_stage is not null order by ord`);
}

/** Median days spent in each stage, over completed stints (entered, then left by a later applied change). */
export async function getStageDurations(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ stage: Stage; stints: number; medianDays: string }>(db, sql`
    select ${rf.stage}::text as stage, count(*)::int as stints,
      round(percentile_cont(0.5) within group (order by ${rf.days})::numeric, 1)::text as "medianDays"
    from ${rf} where ${factsInScope(viewer, f, "stint")}
    group by ${rf.stage} order by ${rf.stage}`);
}

export type BreakdownDimension = "chain" | "team" | "owner";

interface Dimension {
  /** The key of a row of either summary (both have team_id, owner_id and chain_node_id), with what it joins to find it. */
  key: (t: typeof pt | typeof rf) => SQL;
  join: (t: typeof pt | typeof rf) => SQL;
  names: string;
  zh: string;
  en: string;
}

const DIMENSIONS: Record<BreakdownDimension, Dimension> = {
  chain: {
    key: () => sql`n.chain_id`,
    join: (t) => sql`left join ${chainNodes} n on n.id = ${t.chainNodeId}`,
    names: "left join industrial_chains d on d.id = g.key",
    zh: "d.name_zh",
    en: "d.name_en",
  },
  team: { key: (t) => sql`${t.teamId}`, join: () => sql``, names: "left join teams d on d.id = g.key", zh: "d.name_zh", en: "d.name_en" },
  owner: { key: (t) => sql`${t.ownerId}`, join: () => sql``, names: "left join users d on d.id = g.key", zh: "d.name", en: "d.name" },
};

/** Count, planned CNY and projects signed in the year, per chain, team or owner (null key: none set). */
export async function getBreakdown(db: Db, viewer: Viewer, f: ReviewFilters, by: BreakdownDimension) {
  const d = DIMENSIONS[by];
  return queryRows<{ key: string | null; nameZh: string | null; nameEn: string | null; count: number; amount: string; signedInYear: number }>(db, sql`
    with t as (
      select ${d.key(pt)} as key, ${pt.currency} as currency, sum(${pt.projects}) as n, sum(${pt.planned}) as planned
      from ${pt} ${d.join(pt)} where ${totalsInScope(viewer, f)} group by 1, 2),
    g as (select t.key, sum(t.n) as n, coalesce(sum(${plannedCny("t")}), 0) as amount from t group by t.key),
    signed as (
      select ${d.key(rf)} as key, count(*) as n from ${rf} ${d.join(rf)}
      where ${factsInScope(viewer, f, yearWhen("signed", f.year))} group by 1)
    select g.key::text as key, ${sql.raw(d.zh)} as "nameZh", ${sql.raw(d.en)} as "nameEn",
      g.n::int as count, g.amount::text as amount, coalesce(signed.n, 0)::int as "signedInYear"
    from g left join signed on signed.key is not distinct from g.key ${sql.raw(d.names)}
    order by g.amount desc, g.n desc, 2`);
}

/** Projects first signed in the year, per month and currency: how many, and their planned amounts. */
const signedInYear = (viewer: Viewer, f: ReviewFilters) => sql`
  select ${rf.month} as month, ${rf.currency} as currency, count(*) as n, sum(${rf.plannedAmount}) as planned
  from ${rf} where ${factsInScope(viewer, f, yearWhen("signed", f.year))} group by 1, 2`;

/** The year's targets (one team, or all teams summed) against actuals. */
export async function getTargetsVsActuals(db: Db, viewer: Viewer, f: ReviewFilters) {
  const [row] = await queryRows<{
    targetSignedAmount: string; targetFundsInPlace: string; targetProjectsSigned: number; targetProjectsStarted: number;
    signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number;
  }>(db, sql`
    with signed as (
      select currency, sum(n) as n, sum(planned) as planned from (${signedInYear(viewer, f)}) s group by currency),
    tg as (select * from targets where deleted_at is null and year = ${f.year} ${f.team ? sql`and team_id = ${f.team}` : sql``})
    select
      (select coalesce(sum(signed_amount), 0)::text from tg) as "targetSignedAmount",
      (select coalesce(sum(funds_in_place), 0)::text from tg) as "targetFundsInPlace",
      (select coalesce(sum(projects_signed), 0)::int from tg) as "targetProjectsSigned",
      (select coalesce(sum(projects_started), 0)::int from tg) as "targetProjectsStarted",
      (select coalesce(sum(${plannedCny("signed")}), 0)::text from signed) as "signedAmount",
      (select coalesce(sum(${rf.cny}), 0)::text from ${rf} where ${factsInScope(viewer, f, yearWhen("funds", f.year))}) as "fundsInPlace",
      (select coalesce(sum(n), 0)::int from signed) as "projectsSigned",
      (select count(*)::int from ${rf} where ${factsInScope(viewer, f, yearWhen("started", f.year))}) as "projectsStarted"`);
  if (!row) throw new Error("targets query returned no row");
  return row;
}

/**
 * Cumulative actuals at the end of each month of the year (Asia/Shanghai calendar). Counts and
 * tranches are running sums of each month's figures; the signed amount converts, for each month,
 * each currency's planned amounts signed so far, so December equals the year's figure.
 */
export async function getMonthlyProgress(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ month: number; signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }>(db, sql`
    with signed as (${signedInYear(viewer, f)}),
    signed_upto as (
      select m.month, s.currency, sum(s.n) as n, sum(s.planned) as planned
      from generate_series(1, 12) as m(month) join signed s on s.month <= m.month group by 1, 2),
    signed_month as (select u.month, sum(u.n) as n, sum(${plannedCny("u")}) as amount from signed_upto u group by u.month),
    funds as (
      select ${rf.month} as month, sum(${rf.cny}) as cny from ${rf}
      where ${factsInScope(viewer, f, yearWhen("funds", f.year))} group by 1),
    started as (
      select ${rf.month} as month, count(*) as n from ${rf}
      where ${factsInScope(viewer, f, yearWhen("started", f.year))} group by 1)
    select m.month::int as month,
      coalesce(sm.amount, 0)::text as "signedAmount",
      coalesce(sum(fu.cny) over upto, 0)::text as "fundsInPlace",
      coalesce(sm.n, 0)::int as "projectsSigned",
      coalesce(sum(st.n) over upto, 0)::int as "projectsStarted"
    from generate_series(1, 12) as m(month)
      left join signed_month sm on sm.month = m.month
      left join funds fu on fu.month = m.month
      left join started st on st.month = m.month
    window upto as (order by m.month)
    order by m.month`);
}

/** Per team: planned CNY of projects at signed or beyond against every tranche they have received. */
export async function getContractedVsInPlace(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ key: string | null; nameZh: string | null; nameEn: string | null; projects: number; contracted: string; inPlace: string }>(db, sql`
    with t as (
      select ${pt.teamId} as team_id, ${pt.currency} as currency, sum(${pt.projects}) as n, sum(${pt.planned}) as planned
      from ${pt} where ${and(totalsInScope(viewer, f), ...stageWhere({ stageFrom: "signed" }, pt.stage))} group by 1, 2),
    g as (select t.team_id, sum(t.n) as n, sum(${plannedCny("t")}) as contracted from t group by t.team_id),
    paid as (
      select ${rf.teamId} as team_id, sum(${rf.cny}) as cny from ${rf}
      where ${and(factsInScope(viewer, f, "funds"), ...stageWhere({ stageFrom: "signed" }, rf.projectStage))} group by 1)
    select g.team_id::text as key, tm.name_zh as "nameZh", tm.name_en as "nameEn", g.n::int as projects,
      coalesce(g.contracted, 0)::text as contracted, coalesce(paid.cny, 0)::text as "inPlace"
    from g left join paid on paid.team_id is not distinct from g.team_id left join teams tm on tm.id = g.team_id
    order by 2`);
}
