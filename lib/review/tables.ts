import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { count, days, money, percent, ratio, REVIEW_TABLES, type ReviewTable, type ReviewTableId, text } from "./cells";
import type { ReviewFilters } from "./filters";
import {
  type BreakdownDimension, getBreakdown, getContractedVsInPlace, getConversion, getFunnel, getMonthlyProgress,
  getStageDurations, getTargetsVsActuals,
} from "./queries";

export { REVIEW_TABLES, type ReviewTableId };

/** A translator over the whole catalogue (review.* and projects.stages.*). */
export type Tr = (key: string, values?: Record<string, string | number>) => string;

interface Ctx {
  db: Db;
  viewer: Viewer;
  f: ReviewFilters;
  t: Tr;
  locale: string;
}

const col = (c: Ctx, key: string) => c.t(`review.columns.${key}`, { year: c.f.year });
const stage = (c: Ctx, s: string) => c.t(`projects.stages.${s}`);
const named = (c: Ctx, r: { nameZh: string | null; nameEn: string | null }) =>
  (c.locale === "en" ? (r.nameEn ?? r.nameZh) : (r.nameZh ?? r.nameEn)) ?? c.t("review.none");

const BREAKDOWNS: Record<"byChain" | "byTeam" | "byOwner", BreakdownDimension> = { byChain: "chain", byTeam: "team", byOwner: "owner" };

const LOADERS: Record<ReviewTableId, (c: Ctx) => Promise<Omit<ReviewTable, "id" | "caption">>> = {
  async funnel(c) {
    const rows = await getFunnel(c.db, c.viewer, c.f);
    return { columns: [col(c, "stage"), col(c, "projects"), col(c, "amountCny")], rows: rows.map((r) => [text(stage(c, r.stage)), count(r.count), money(r.amount)]) };
  },
  async conversion(c) {
    const rows = await getConversion(c.db, c.viewer, c.f);
    return {
      columns: [col(c, "fromStage"), col(c, "toStage"), col(c, "reached"), col(c, "advanced"), col(c, "rate")],
      rows: rows.map((r) => [text(stage(c, r.fromStage)), text(stage(c, r.toStage)), count(r.reached), count(r.advanced), percent(r.rate)]),
    };
  },
  async durations(c) {
    const rows = await getStageDurations(c.db, c.viewer, c.f);
    return { columns: [col(c, "stage"), col(c, "stints"), col(c, "medianDays")], rows: rows.map((r) => [text(stage(c, r.stage)), count(r.stints), days(r.medianDays)]) };
  },
  async targets(c) {
    const r = await getTargetsVsActuals(c.db, c.viewer, c.f);
    const line = (key: string, target: string, actual: string, asMoney: boolean) => [
      text(c.t(`review.measures.${key}`)),
      asMoney ? money(target) : count(Number(target)),
      asMoney ? money(actual) : count(Number(actual)),
      percent(ratio(actual, target)),
    ];
    return {
      columns: [col(c, "measure"), col(c, "target"), col(c, "actual"), col(c, "progress")],
      rows: [
        line("signedAmount", r.targetSignedAmount, r.signedAmount, true),
        line("fundsInPlace", r.targetFundsInPlace, r.fundsInPlace, true),
        line("projectsSigned", String(r.targetProjectsSigned), String(r.projectsSigned), false),
        line("projectsStarted", String(r.targetProjectsStarted), String(r.projectsStarted), false),
      ],
    };
  },
  async monthly(c) {
    const rows = await getMonthlyProgress(c.db, c.viewer, c.f);
    return {
      columns: [col(c, "month"), col(c, "signedAmount"), col(c, "fundsInPlace"), col(c, "projectsSigned"), col(c, "projectsStarted")],
      rows: rows.map((r) => [text(c.t("review.monthName", { month: r.month })), money(r.signedAmount), money(r.fundsInPlace), count(r.projectsSigned), count(r.projectsStarted)]),
    };
  },
  byChain: (c) => breakdown(c, "byChain"),
  byTeam: (c) => breakdown(c, "byTeam"),
  byOwner: (c) => breakdown(c, "byOwner"),
  async contracted(c) {
    const rows = await getContractedVsInPlace(c.db, c.viewer, c.f);
    return {
      columns: [col(c, "team"), col(c, "projects"), col(c, "contracted"), col(c, "inPlace")],
      rows: rows.map((r) => [text(named(c, r)), count(r.projects), money(r.contracted), money(r.inPlace)]),
    };
  },
};

async function breakdown(c: Ctx, id: "byChain" | "byTeam" | "byOwner") {
  const dimension = BREAKDOWNS[id];
  const rows = await getBreakdown(c.db, c.viewer, c.f, dimension);
  return {
    columns: [col(c, dimension), col(c, "projects"), col(c, "amountCny"), col(c, "signedInYear")],
    rows: rows.map((r) => [text(named(c, r)), count(r.count), money(r.amount), count(r.signedInYear)]),
  };
}

/** One table of the dashboard, as the page shows it and the CSV export writes it. */
export async function loadReviewTable(c: Ctx, id: ReviewTableId): Promise<ReviewTable> {
  const body = await LOADERS[id](c);
  return { id, caption: c.t(`review.tables.${id}`, { year: c.f.year }), ...body };
}

export const isReviewTableId = (v: string | null): v is ReviewTableId => (REVIEW_TABLES as readonly string[]).includes(v ?? "");
