import "server-only";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import type { Stage } from "@/db/enums";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReviewFilters } from "./filters";
import { appliedChanges, liveTranches, monthOf, scopedProjects, yearOf } from "./scope";

// Each figure is one SQL query over the caller's visible projects; amounts are CNY decimal strings.

const stages = sql.raw(`unnest(enum_range(null::project_stage)) with ordinality as st(stage, ord)`);

/** Visible projects by current stage: count and planned CNY. Every stage, zeros included. */
export async function getFunnel(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ stage: Stage; count: number; amount: string }>(db, sql`
    with s as (${scopedProjects(viewer, f)})
    select st.stage::text as stage, count(s.id)::int as count, coalesce(sum(s.cny), 0)::text as amount
    from ${stages} left join s on s.stage = st.stage
    group by st.stage, st.ord order by st.ord`);
}

/**
 * Conversion from each stage to the next: of the projects that ever reached stage k (an applied
 * change into k or a later stage), how many reached k+1. Rate is a fraction, 4 decimals.
 */
export async function getConversion(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ fromStage: Stage; toStage: Stage; reached: number; advanced: number; rate: string | null }>(db, sql`
    with s as (${scopedProjects(viewer, f)}),
    top as (select c.project_id, max(c.to_stage) as top from (${appliedChanges}) c join s on s.id = c.project_id group by c.project_id),
    per_stage as (
      select st.stage, st.ord, count(top.project_id)::int as reached
      from ${stages} left join top on top.top >= st.stage group by st.stage, st.ord),
    pairs as (select stage, ord, reached, lead(stage) over (order by ord) as next_stage, lead(reached) over (order by ord) as advanced from per_stage)
    select stage::text as "fromStage", next_stage::text as "toStage", reached, advanced,
      case when reached = 0 then null else round(advanced::numeric / reached, 4)::text end as rate
    from pairs where next_stage is not null order by ord`);
}

/** Median days spent in each stage, over completed stints (entered, then left by a later applied change). */
export async function getStageDurations(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ stage: Stage; stints: number; medianDays: string }>(db, sql`
    with s as (${scopedProjects(viewer, f)}),
    stints as (
      select c.to_stage as stage, c.changed_at as entered,
        lead(c.changed_at) over (partition by c.project_id order by c.changed_at, c.created_at) as left_at
      from (${appliedChanges}) c join s on s.id = c.project_id)
    select stints.stage::text as stage, count(*)::int as stints,
      round(percentile_cont(0.5) within group (order by extract(epoch from left_at - entered) / 86400)::numeric, 1)::text as "medianDays"
    from stints where left_at is not null group by stints.stage order by stints.stage`);
}

export type BreakdownDimension = "chain" | "team" | "owner";

const DIMENSIONS: Record<BreakdownDimension, { key: string; join: string; zh: string; en: string }> = {
  chain: { key: "s.chain_id", join: "left join industrial_chains d on d.id = s.chain_id", zh: "d.name_zh", en: "d.name_en" },
  team: { key: "s.team_id", join: "left join teams d on d.id = s.team_id", zh: "d.name_zh", en: "d.name_en" },
  owner: { key: "s.owner_id", join: "left join users d on d.id = s.owner_id", zh: "d.name", en: "d.name" },
};

/** Count, planned CNY and projects signed in the year, per chain, team or owner (null key: none set). */
export async function getBreakdown(db: Db, viewer: Viewer, f: ReviewFilters, by: BreakdownDimension) {
  const d = DIMENSIONS[by];
  return queryRows<{ key: string | null; nameZh: string | null; nameEn: string | null; count: number; amount: string; signedInYear: number }>(db, sql`
    with s as (${scopedProjects(viewer, f)}),
    signed as (select distinct c.project_id from (${appliedChanges}) c where c.to_stage = 'signed' and ${yearOf(sql`c.changed_at`)} = ${f.year})
    select ${sql.raw(d.key)}::text as key, ${sql.raw(d.zh)} as "nameZh", ${sql.raw(d.en)} as "nameEn",
      count(*)::int as count, coalesce(sum(s.cny), 0)::text as amount, count(signed.project_id)::int as "signedInYear"
    from s left join signed on signed.project_id = s.id ${sql.raw(d.join)}
    group by 1, 2, 3 order by coalesce(sum(s.cny), 0) desc, count(*) desc, 2`);
}

/** The year's events the targets are measured by, per project (signing) or per change (start). */
const yearEvents = (f: ReviewFilters) => sql`
  signed as (
    select c.project_id, min(c.changed_at) as at from (${appliedChanges}) c join s on s.id = c.project_id
    where c.to_stage = 'signed' and ${yearOf(sql`c.changed_at`)} = ${f.year} group by c.project_id),
  started as (
    select c.changed_at as at from (${appliedChanges}) c join s on s.id = c.project_id
    where c.to_stage = 'construction' and ${yearOf(sql`c.changed_at`)} = ${f.year}),
  funds as (
    select t.received_on, t.cny from (${liveTranches}) t join s on s.id = t.project_id
    where extract(year from t.received_on)::int = ${f.year})`;

/** The year's targets (one team, or all teams summed) against actuals. */
export async function getTargetsVsActuals(db: Db, viewer: Viewer, f: ReviewFilters) {
  const [row] = await queryRows<{
    targetSignedAmount: string; targetFundsInPlace: string; targetProjectsSigned: number; targetProjectsStarted: number;
    signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number;
  }>(db, sql`
    with s as (${scopedProjects(viewer, f)}), ${yearEvents(f)},
    tg as (select * from targets where deleted_at is null and year = ${f.year} ${f.team ? sql`and team_id = ${f.team}` : sql``})
    select
      (select coalesce(sum(signed_amount), 0)::text from tg) as "targetSignedAmount",
      (select coalesce(sum(funds_in_place), 0)::text from tg) as "targetFundsInPlace",
      (select coalesce(sum(projects_signed), 0)::int from tg) as "targetProjectsSigned",
      (select coalesce(sum(projects_started), 0)::int from tg) as "targetProjectsStarted",
      (select coalesce(sum(s.cny), 0)::text from signed join s on s.id = signed.project_id) as "signedAmount",
      (select coalesce(sum(cny), 0)::text from funds) as "fundsInPlace",
      (select count(*)::int from signed) as "projectsSigned",
      (select count(*)::int from started) as "projectsStarted"`);
  if (!row) throw new Error("targets query returned no row");
  return row;
}

/**
 * Cumulative actuals at the end of each month of the year (Asia/Shanghai calendar): each month's
 * figures once, then running sums (not a scan of the year's events per month).
 */
export async function getMonthlyProgress(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ month: number; signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }>(db, sql`
    with s as (${scopedProjects(viewer, f)}), ${yearEvents(f)},
    signed_amount as (select ${monthOf(sql`signed.at`)} as month, sum(s.cny) as amount from signed join s on s.id = signed.project_id group by 1),
    signed_count as (select ${monthOf(sql`signed.at`)} as month, count(*) as n from signed group by 1),
    funds_amount as (select extract(month from received_on)::int as month, sum(cny) as amount from funds group by 1),
    started_count as (select ${monthOf(sql`started.at`)} as month, count(*) as n from started group by 1)
    select m.month::int as month,
      coalesce(sum(sa.amount) over upto, 0)::text as "signedAmount",
      coalesce(sum(fa.amount) over upto, 0)::text as "fundsInPlace",
      coalesce(sum(sc.n) over upto, 0)::int as "projectsSigned",
      coalesce(sum(tc.n) over upto, 0)::int as "projectsStarted"
    from generate_series(1, 12) as m(month)
      left join signed_amount sa on sa.month = m.month
      left join signed_count sc on sc.month = m.month
      left join funds_amount fa on fa.month = m.month
      left join started_count tc on tc.month = m.month
    window upto as (order by m.month)
    order by m.month`);
}

/** Per team: planned CNY of projects at signed or beyond against every tranche they have received. */
export async function getContractedVsInPlace(db: Db, viewer: Viewer, f: ReviewFilters) {
  return queryRows<{ key: string | null; nameZh: string | null; nameEn: string | null; projects: number; contracted: string; inPlace: string }>(db, sql`
    with s as (${scopedProjects(viewer, f)}),
    paid as (select t.project_id, sum(t.cny) as cny from (${liveTranches}) t group by t.project_id)
    select s.team_id::text as key, tm.name_zh as "nameZh", tm.name_en as "nameEn", count(*)::int as projects,
      coalesce(sum(s.cny), 0)::text as contracted, coalesce(sum(paid.cny), 0)::text as "inPlace"
    from s left join paid on paid.project_id = s.id left join teams tm on tm.id = s.team_id
    where s.stage >= 'signed'
    group by 1, 2, 3 order by 2`);
}
