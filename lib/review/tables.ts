import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { type DisplayUnit, displayUnit } from "@/lib/money";
import { type Cell, count, days, money, percent, ratio, REVIEW_TABLES, type ReviewTable, type ReviewTableId, text } from "./cells";
import type { ReviewFilters } from "./filters";
import { atStage, figureHref, inYear, keyParam, reached } from "./links";
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
  /** The CSV's exact yuan rather than the screen's unit chosen from the largest amount. */
  exact?: boolean;
}

const col = (c: Ctx, key: string) => c.t(`review.columns.${key}`, { year: c.f.year });
const withUnit = (c: Ctx, label: string, unit: DisplayUnit) => c.t("common.withUnit", { label, unit: c.t(`common.moneyUnits.${unit}`) });
const stage = (c: Ctx, s: string) => c.t(`projects.stages.${s}`);
const named = (c: Ctx, r: { nameZh: string | null; nameEn: string | null }) =>
  (c.locale === "en" ? (r.nameEn ?? r.nameZh) : (r.nameZh ?? r.nameEn)) ?? c.t("review.none");

/** The list of the projects behind a figure, under the review's filters. */
const link = (c: Ctx, extra: Parameters<typeof figureHref>[1]) => figureHref(c.f, extra);

const BREAKDOWNS: Record<"byChain" | "byTeam" | "byOwner", BreakdownDimension> = { byChain: "chain", byTeam: "team", byOwner: "owner" };

const LOADERS: Record<ReviewTableId, (c: Ctx) => Promise<{ columns: string[]; rows: Cell[][] }>> = {
  async funnel(c) {
    const rows = await getFunnel(c.db, c.viewer, c.f);
    return { columns: ["stage", "projects", "amountCny"], rows: rows.map((r) => [text(stage(c, r.stage)), count(r.count, link(c, atStage(r.stage))), money(r.amount, link(c, atStage(r.stage)))]) };
  },
  async conversion(c) {
    const rows = await getConversion(c.db, c.viewer, c.f);
    return {
      columns: ["fromStage", "toStage", "reached", "advanced", "rate"],
      rows: rows.map((r) => [
        text(stage(c, r.fromStage)),
        text(stage(c, r.toStage)),
        count(r.reached, link(c, reached(r.fromStage))),
        count(r.advanced, link(c, reached(r.toStage))),
        percent(r.rate),
      ]),
    };
  },
  async durations(c) {
    const rows = await getStageDurations(c.db, c.viewer, c.f);
    return { columns: ["stage", "stints", "medianDays"], rows: rows.map((r) => [text(stage(c, r.stage)), count(r.stints), days(r.medianDays)]) };
  },
  async targets(c) {
    const r = await getTargetsVsActuals(c.db, c.viewer, c.f);
    // The actual links to the projects it adds up; a target is not a set of projects.
    const line = (key: string, target: string, actual: string, asMoney: boolean, href: string) => [
      text(c.t(`review.measures.${key}`)),
      asMoney ? money(target) : count(Number(target)),
      asMoney ? money(actual, href) : count(Number(actual), href),
      percent(ratio(actual, target)),
    ];
    return {
      columns: ["measure", "target", "actual", "progress"],
      rows: [
        line("signedAmount", r.targetSignedAmount, r.signedAmount, true, link(c, inYear(c.f, "signed"))),
        line("fundsInPlace", r.targetFundsInPlace, r.fundsInPlace, true, link(c, inYear(c.f, "funds"))),
        line("projectsSigned", String(r.targetProjectsSigned), String(r.projectsSigned), false, link(c, inYear(c.f, "signed"))),
        line("projectsStarted", String(r.targetProjectsStarted), String(r.projectsStarted), false, link(c, inYear(c.f, "started"))),
      ],
    };
  },
  async monthly(c) {
    const rows = await getMonthlyProgress(c.db, c.viewer, c.f);
    return {
      columns: ["month", "signedAmount", "fundsInPlace", "projectsSigned", "projectsStarted"],
      rows: rows.map((r) => [
        text(c.t("review.monthName", { month: r.month })),
        money(r.signedAmount, link(c, inYear(c.f, "signed", r.month))),
        money(r.fundsInPlace, link(c, inYear(c.f, "funds", r.month))),
        count(r.projectsSigned, link(c, inYear(c.f, "signed", r.month))),
        count(r.projectsStarted, link(c, inYear(c.f, "started", r.month))),
      ]),
    };
  },
  byChain: (c) => breakdown(c, "byChain"),
  byTeam: (c) => breakdown(c, "byTeam"),
  byOwner: (c) => breakdown(c, "byOwner"),
  async contracted(c) {
    const rows = await getContractedVsInPlace(c.db, c.viewer, c.f);
    return {
      columns: ["team", "projects", "contracted", "inPlace"],
      rows: rows.map((r) => {
        const team = { team: keyParam(r.key), stageFrom: "signed" as const };
        return [text(named(c, r)), count(r.projects, link(c, team)), money(r.contracted, link(c, team)), money(r.inPlace, link(c, { ...team, event: "funds" }))];
      }),
    };
  },
};

async function breakdown(c: Ctx, id: "byChain" | "byTeam" | "byOwner") {
  const dimension = BREAKDOWNS[id];
  const rows = await getBreakdown(c.db, c.viewer, c.f, dimension);
  return {
    columns: [dimension, "projects", "amountCny", "signedInYear"],
    rows: rows.map((r) => {
      const key = { [dimension]: keyParam(r.key) };
      return [text(named(c, r)), count(r.count, link(c, key)), money(r.amount, link(c, key)), count(r.signedInYear, link(c, { ...key, ...inYear(c.f, "signed") }))];
    }),
  };
}

const isMoney = (cell: Cell | undefined) => cell?.kind === "money";
/** The columns (review.columns keys) that hold amounts. */
const MONEY_COLUMNS = new Set(["amountCny", "signedAmount", "fundsInPlace", "contracted", "inPlace"]);

/**
 * One table of the dashboard, as the page shows it and the CSV export writes it. Its amounts
 * share one unit (lib/money.ts), named once: in the header of a column of amounts, or in the
 * first cell of a row of amounts (the targets table mixes amounts and counts by row).
 */
export async function loadReviewTable(c: Ctx, id: ReviewTableId): Promise<ReviewTable> {
  const { columns, rows } = await LOADERS[id](c);
  const amounts = rows.flatMap((row) => row.filter((cell) => cell.kind === "money").map((cell) => cell.value));
  const unit: DisplayUnit = c.exact ? "yuan" : displayUnit(amounts, c.locale);
  const moneyRow = (row: Cell[]) => row.slice(1).some(isMoney) && row.slice(1).every((cell) => isMoney(cell) || cell.kind === "percent");
  return {
    id,
    caption: c.t(`review.tables.${id}`, { year: c.f.year }),
    columns: columns.map((key) => (MONEY_COLUMNS.has(key) ? withUnit(c, col(c, key), unit) : col(c, key))),
    rows: rows.map((row) => (row[0]?.kind === "text" && moneyRow(row) ? [text(withUnit(c, row[0].value, unit)), ...row.slice(1)] : row)),
    unit,
  };
}

export const isReviewTableId = (v: string | null): v is ReviewTableId => (REVIEW_TABLES as readonly string[]).includes(v ?? "");
