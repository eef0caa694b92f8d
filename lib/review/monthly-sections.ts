import { type DisplayUnit, displayUnit } from "@/lib/money";
import { col, type ColumnDef, columnsOf, type ExportCell, type ExportColumn } from "@/lib/xlsx/cells";
import { percent, ratio } from "./cells";
import type { KeyFigure, MilestoneProject, MonthlyReport, ReportEvent } from "./monthly-report";

/** A translator over the whole catalogue. */
type Tr = (key: string, values?: Record<string, string | number>) => string;

export const REPORT_SECTIONS = ["figures", "milestones", "events", "stalled", "signedNotStarted"] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** One section of the report: the page's table and the workbook's sheet, from one definition. */
export interface ReportSection {
  id: ReportSectionId;
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** The unit of its amounts: exact yuan in the workbook, else one from the largest amount. */
  unit: DisplayUnit;
}

interface Opts {
  t: Tr;
  locale: string;
  /** The workbook's exact yuan rather than the page's unit. */
  exact: boolean;
}

function section<R>(id: ReportSectionId, o: Opts, rows: R[], amounts: (string | null)[], defs: (unit: string) => ColumnDef<R>[]): ReportSection {
  const unit: DisplayUnit = o.exact ? "yuan" : displayUnit(amounts.filter((a): a is string => a !== null), o.locale);
  const { columns, cells } = columnsOf(defs(o.t(`common.moneyUnits.${unit}`)));
  return { id, title: o.t(`monthlyReport.sections.${id}`), columns, rows: rows.map(cells), unit };
}

const named = (locale: string, zh: string | null, en: string | null) => (locale === "en" ? (en ?? zh) : (zh ?? en)) ?? "";

/** The report's sections, in the order the page and the workbook show them. */
export function reportSections(report: MonthlyReport, o: Opts): ReportSection[] {
  const { t, locale } = o;
  const c = (key: string) => t(`monthlyReport.columns.${key}`);
  const withUnit = (label: string, unit: string) => t("common.withUnit", { label, unit });
  const name = (zh: string | null, en: string | null) => named(locale, zh, en);

  // Figures mix amounts and counts by row, as the review's targets table: a row of amounts names its unit.
  const figureCell = (f: KeyFigure, value: string): ExportCell => (f.money ? { kind: "yuan", value } : { kind: "count", value: Number(value) });
  const figures = section<KeyFigure>("figures", o, report.figures, report.figures.filter((f) => f.money).flatMap((f) => [f.month, f.yearToDate, f.target]), (unit) => [
    col.text(c("measure"), (f) => (f.money ? withUnit(t(`review.measures.${f.measure}`), unit) : t(`review.measures.${f.measure}`)), 22),
    { ...col.count(c("month"), () => null), cell: (f) => figureCell(f, f.month) },
    { ...col.count(c("yearToDate"), () => null), cell: (f) => figureCell(f, f.yearToDate) },
    { ...col.count(c("target"), () => null), cell: (f) => figureCell(f, f.target) },
    col.percent(c("progress"), (f) => percent(ratio(f.yearToDate, f.target)).value as string | null),
  ]);

  const milestones = section<MilestoneProject>("milestones", o, report.milestones, report.milestones.map((p) => p.cny), (unit) => [
    col.text(c("stage"), (p) => t(`projects.stages.${p.stage}`), 10),
    col.text(c("project"), (p) => p.name, 30),
    col.text(c("enterprise"), (p) => name(p.enterpriseNameZh, p.enterpriseNameEn), 28),
    col.date(c("day"), (p) => p.day),
    col.yuan(withUnit(c("plannedAmount"), unit), (p) => p.cny),
    col.text(c("team"), (p) => name(p.teamNameZh, p.teamNameEn), 18),
    col.text(c("owner"), (p) => p.ownerName, 10),
  ]);

  const events = section<ReportEvent>("events", o, report.events, report.events.map((e) => e.signedCny), (unit) => [
    col.text(c("event"), (e) => name(e.nameZh, e.nameEn), 30),
    col.text(c("kind"), (e) => t(`events.kinds.${e.kind}`), 10),
    col.date(c("startsOn"), (e) => e.startsOn),
    col.date(c("endsOn"), (e) => e.endsOn),
    col.text(c("city"), (e) => e.city, 10),
    col.count(c("participants"), (e) => e.participants),
    col.count(c("projectsSourced"), (e) => e.projectsSourced),
    col.count(c("projectsSigned"), (e) => e.projectsSigned),
    col.yuan(withUnit(c("signedAmount"), unit), (e) => e.signedCny),
  ]);

  type Stalled = MonthlyReport["stalled"][number];
  const stalled = section<Stalled>("stalled", o, report.stalled, [], () => [
    col.text(c("project"), (p) => p.name, 30),
    col.text(c("enterprise"), (p) => name(p.enterpriseNameZh, p.enterpriseNameEn), 28),
    col.text(c("stage"), (p) => t(`projects.stages.${p.stage}`), 10),
    col.text(c("status"), (p) => t(`projects.statuses.${p.status}`), 10),
    col.text(c("owner"), (p) => p.ownerName, 10),
    col.datetime(c("lastActivity"), (p) => p.lastActivity),
  ]);

  type Overdue = MonthlyReport["signedNotStarted"][number];
  const signedNotStarted = section<Overdue>("signedNotStarted", o, report.signedNotStarted, [], () => [
    col.text(c("project"), (p) => p.name, 30),
    col.text(c("enterprise"), (p) => name(p.enterpriseNameZh, p.enterpriseNameEn), 28),
    col.text(c("stage"), (p) => t(`projects.stages.${p.stage}`), 10),
    col.text(c("owner"), (p) => p.ownerName, 10),
    col.date(c("signedOn"), (p) => p.signedOn),
    col.count(c("termMonths"), (p) => p.termMonths),
    col.date(c("deadline"), (p) => p.deadline),
  ]);

  return [figures, milestones, events, stalled, signedNotStarted];
}
