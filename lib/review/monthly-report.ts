import "server-only";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db";
import type { Stage } from "@/db/enums";
import { enterprises, eventParticipants, events, projects, reviewFacts, stageChanges, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { cnyAmount } from "@/lib/projects/cny";
import { visibleProjects } from "@/lib/projects/visibility";
import { shanghaiDay } from "@/lib/time";
import { listSignedNotStarted, listStalledProjects, SIGNED_MONTHS, STALLED_DAYS } from "./alerts";
import type { ReviewFilters } from "./filters";
import { getMonthlyProgress, getTargetsVsActuals } from "./queries";
import { factsInScope, plannedCny } from "./scope";

/**
 * 招商工作月报: one month of one team (or of everything the viewer may see). Every figure and list
 * counts only the projects the viewer may see (visibleProjects / visibleFacts), as the review does;
 * the key figures are the review's own queries (queries.ts), so the report and the dashboard agree.
 */

export interface ReportMonth {
  year: number;
  month: number;
}

/** "2026-11" → { year: 2026, month: 11 }; null for anything else (the route answers 400/404). */
export function parseReportMonth(raw: string): ReportMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? { year, month } : null;
}

export const formatReportMonth = (m: ReportMonth) => `${m.year}-${String(m.month).padStart(2, "0")}`;

/** This month on the bureau's calendar. */
export function currentReportMonth(): ReportMonth {
  const [year, month] = shanghaiDay().split("-").map(Number);
  return { year: year!, month: month! };
}

/** The first day of the month and of the next, YYYY-MM-DD. */
function monthBounds(m: ReportMonth): { first: string; next: string; last: string } {
  const first = `${formatReportMonth(m)}-01`;
  const next = m.month === 12 ? `${m.year + 1}-01-01` : `${m.year}-${String(m.month + 1).padStart(2, "0")}-01`;
  const lastDay = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  return { first, next, last: `${formatReportMonth(m)}-${String(lastDay).padStart(2, "0")}` };
}

export const MILESTONES = ["signed", "registered", "construction", "production"] as const satisfies readonly Stage[];
export type Milestone = (typeof MILESTONES)[number];

export interface KeyFigure {
  measure: "signedAmount" | "fundsInPlace" | "projectsSigned" | "projectsStarted";
  money: boolean;
  month: string;
  yearToDate: string;
  target: string;
}

export interface MilestoneProject {
  stage: Milestone;
  id: string;
  name: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
  teamNameZh: string | null;
  teamNameEn: string | null;
  ownerName: string | null;
  day: string;
  /** Planned amount in CNY at today's rate, as the review's amounts; null without an amount or a rate. */
  cny: string | null;
}

export interface ReportEvent {
  id: string;
  kind: string;
  nameZh: string | null;
  nameEn: string | null;
  startsOn: string;
  endsOn: string;
  city: string | null;
  participants: number;
  projectsSourced: number;
  projectsSigned: number;
  signedCny: string;
}

/** The month's figures, the year to the month's end, and the year's targets. */
async function keyFigures(db: Db, viewer: Viewer, f: ReviewFilters, m: ReportMonth): Promise<KeyFigure[]> {
  const [progress, targets, [month]] = await Promise.all([
    getMonthlyProgress(db, viewer, f),
    getTargetsVsActuals(db, viewer, f),
    queryRows<{ signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }>(db, sql`
      with signed as (
        select ${reviewFacts.currency} as currency, count(*) as n, sum(${reviewFacts.plannedAmount}) as planned from ${reviewFacts}
        where ${factsInScope(viewer, f, "signed")} and ${reviewFacts.year} = ${m.year} and ${reviewFacts.month} = ${m.month} group by 1)
      select
        (select coalesce(sum(${plannedCny("signed")}), 0)::text from signed) as "signedAmount",
        (select coalesce(sum(${reviewFacts.cny}), 0)::text from ${reviewFacts}
          where ${factsInScope(viewer, f, "funds")} and ${reviewFacts.year} = ${m.year} and ${reviewFacts.month} = ${m.month}) as "fundsInPlace",
        (select coalesce(sum(n), 0)::int from signed) as "projectsSigned",
        (select count(*)::int from ${reviewFacts}
          where ${factsInScope(viewer, f, "started")} and ${reviewFacts.year} = ${m.year} and ${reviewFacts.month} = ${m.month}) as "projectsStarted"`),
  ]);
  const upTo = progress.find((p) => p.month === m.month)!;
  return [
    { measure: "signedAmount", money: true, month: month!.signedAmount, yearToDate: upTo.signedAmount, target: targets.targetSignedAmount },
    { measure: "fundsInPlace", money: true, month: month!.fundsInPlace, yearToDate: upTo.fundsInPlace, target: targets.targetFundsInPlace },
    { measure: "projectsSigned", money: false, month: String(month!.projectsSigned), yearToDate: String(upTo.projectsSigned), target: String(targets.targetProjectsSigned) },
    { measure: "projectsStarted", money: false, month: String(month!.projectsStarted), yearToDate: String(upTo.projectsStarted), target: String(targets.targetProjectsStarted) },
  ];
}

/**
 * Projects that reached 签约, 注册, 开工 or 投产 in the month. Signed and started are the review's
 * facts (the first signing of the year, each start), so the lists add up to the key figures;
 * registered and in production are the applied stage changes into them during the month.
 */
async function milestoneProjects(db: Db, viewer: Viewer, f: ReviewFilters, m: ReportMonth): Promise<MilestoneProject[]> {
  const { first, next } = monthBounds(m);
  const inMonth = sql`${stageChanges.changedAt} >= (${first}::timestamp at time zone 'Asia/Shanghai')
    and ${stageChanges.changedAt} < (${next}::timestamp at time zone 'Asia/Shanghai')`;
  const applied = sql`${stageChanges.state} = 'applied' and ${stageChanges.deletedAt} is null`;
  return queryRows<MilestoneProject>(db, sql`
    with reached as (
      select distinct 'signed'::project_stage as stage, ${reviewFacts.projectId} as project_id from ${reviewFacts}
        where ${factsInScope(viewer, f, "signed")} and ${reviewFacts.year} = ${m.year} and ${reviewFacts.month} = ${m.month}
      union
      select 'construction'::project_stage, ${reviewFacts.projectId} from ${reviewFacts}
        where ${factsInScope(viewer, f, "started")} and ${reviewFacts.year} = ${m.year} and ${reviewFacts.month} = ${m.month}
      union
      select ${stageChanges.toStage}, ${stageChanges.projectId} from ${stageChanges}
        where ${applied} and ${stageChanges.toStage} in ('registered', 'production') and ${inMonth}
    )
    select r.stage, ${projects.id} as id, ${projects.name} as name, e.name_zh as "enterpriseNameZh", e.name_en as "enterpriseNameEn",
      tm.name_zh as "teamNameZh", tm.name_en as "teamNameEn", u.name as "ownerName",
      coalesce((select max((${stageChanges.changedAt} at time zone 'Asia/Shanghai')::date) from ${stageChanges}
        where ${stageChanges.projectId} = ${projects.id} and ${stageChanges.toStage} = r.stage and ${applied} and ${inMonth}), ${first}::date)::text as day,
      ${cnyAmount(projects.plannedAmount, projects.currency)} as cny
    from reached r
    join ${projects} on ${projects.id} = r.project_id
    join ${enterprises} e on e.id = ${projects.enterpriseId}
    left join ${teams} tm on tm.id = ${projects.teamId}
    left join ${users} u on u.id = ${projects.ownerId}
    where ${visibleProjects(viewer)} ${f.team ? sql`and ${projects.teamId} = ${f.team}` : sql``}
    order by r.stage, day, ${projects.name}, ${projects.id}`);
}

/**
 * Events held (at least partly) in the month, of the team when one is chosen, and what they
 * produced: enterprises taking part, visible projects sourced from them, and of those the ones
 * signed (at 签约 or later, not lost) with their planned CNY.
 */
async function monthEvents(db: Db, viewer: Viewer, f: ReviewFilters, m: ReportMonth): Promise<ReportEvent[]> {
  const { first, last } = monthBounds(m);
  const sourced = sql`from ${projects} where ${projects.sourceEventId} = ev.id and ${visibleProjects(viewer)}`;
  const signed = sql`${sourced} and ${projects.stage} >= 'signed' and ${projects.status} <> 'lost'`;
  return queryRows<ReportEvent>(db, sql`
    select ev.id, ev.kind, ev.name_zh as "nameZh", ev.name_en as "nameEn", ev.starts_on::text as "startsOn", ev.ends_on::text as "endsOn", ev.city,
      (select count(*) from ${eventParticipants} ep join ${enterprises} pe on pe.id = ep.enterprise_id
        where ep.event_id = ev.id and ep.deleted_at is null and pe.deleted_at is null)::int as participants,
      (select count(*) ${sourced})::int as "projectsSourced",
      (select count(*) ${signed})::int as "projectsSigned",
      (select coalesce(sum(${cnyAmount(projects.plannedAmount, projects.currency)}::numeric), 0)::text ${signed}) as "signedCny"
    from ${events} ev
    where ev.deleted_at is null and ev.starts_on <= ${last}::date and ev.ends_on >= ${first}::date
      ${f.team ? sql`and ev.team_id = ${f.team}` : sql``}
    order by ev.starts_on, ev.id
    limit 200`);
}

export interface MonthlyReport {
  month: ReportMonth;
  figures: KeyFigure[];
  milestones: MilestoneProject[];
  stalled: Awaited<ReturnType<typeof listStalledProjects>>;
  signedNotStarted: Awaited<ReturnType<typeof listSignedNotStarted>>;
  events: ReportEvent[];
}

/** The whole report for a month and a team (null: everything the viewer may see). */
export async function getMonthlyReport(db: Db, viewer: Viewer, m: ReportMonth, team: string | null): Promise<MonthlyReport> {
  const f: ReviewFilters = { year: m.year, team, chain: null };
  const today = shanghaiDay();
  const { last } = monthBounds(m);
  const ofTeam = <T extends { teamId: string | null }>(rows: T[]) => (team ? rows.filter((r) => r.teamId === team) : rows);
  const [figures, milestones, stalled, signedNotStarted, monthEventsRows] = await Promise.all([
    keyFigures(db, viewer, f, m),
    milestoneProjects(db, viewer, f, m),
    listStalledProjects(db, viewer, STALLED_DAYS.default),
    // Overdue as of the month's last day (or today, for the month under way).
    listSignedNotStarted(db, viewer, SIGNED_MONTHS.default, last < today ? last : today),
    monthEvents(db, viewer, f, m),
  ]);
  return { month: m, figures, milestones, stalled: ofTeam(stalled), signedNotStarted: ofTeam(signedNotStarted), events: monthEventsRows };
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `month` (YYYY-MM, this month when absent) and `team` (a team's id, or absent for everything the
 * viewer may see) from the URL. Unlike the dashboard's filters, a malformed value is refused
 * (400) rather than dropped, and a team that does not exist is 404: a report must say what it covers.
 */
export function parseReportParams(
  params: Params,
  teamIds: readonly string[],
): { ok: true; month: ReportMonth; team: string | null } | { ok: false; status: 400 | 404 } {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    return Array.isArray(v) ? (v.length > 1 ? null : (v[0] ?? undefined)) : v;
  };
  const rawMonth = get("month");
  const rawTeam = get("team");
  if (rawMonth === null || rawTeam === null) return { ok: false, status: 400 };
  const month = rawMonth === undefined || rawMonth === "" ? currentReportMonth() : parseReportMonth(rawMonth);
  if (!month) return { ok: false, status: 400 };
  if (rawTeam === undefined || rawTeam === "") return { ok: true, month, team: null };
  if (!UUID.test(rawTeam)) return { ok: false, status: 400 };
  const team = rawTeam.toLowerCase();
  return teamIds.includes(team) ? { ok: true, month, team } : { ok: false, status: 404 };
}
