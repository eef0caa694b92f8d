import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "@/db";
import { projects, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, shanghaiDay, shanghaiYear } from "@/lib/time";
import { addDecimals, roundDecimal } from "@/lib/money";
import { listSignedNotStarted } from "@/lib/review/alerts";
import type { ReviewFilters } from "@/lib/review/filters";
import { getBreakdown, getConversion, getMonthlyProgress, getTargetsVsActuals } from "@/lib/review/queries";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createProject } from "./actions/create-project";
import { decideStageRequest } from "./actions/decide-stage-request";
import { moveProjectStage } from "./actions/move-stage";
import { getPipeline } from "./board-queries";
import { parsePipelineFilters } from "./filters";
import { listStageHistory } from "./queries";
import { makeEnterprise, makeRate, pdfFile } from "@/test/support/project-fixtures";

let database: Database;
let staff: Viewer, manager: Viewer;
let enterpriseId: string;
let review: ReviewFilters;
const today = shanghaiDay();
const lastWeek = addDays(today, -7);

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  manager = await makeViewer(database.db, "manager", team.id);
  enterpriseId = (await makeEnterprise(database.db, team.id)).id;
  await makeRate(database.db, "USD", "7.10000000");
  review = { year: shanghaiYear(), team: team.id, chain: null };
});
afterAll(() => database?.close());

type Result<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
const run = <T>(def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result<T>>;

async function newProject(who: Viewer, extra: Record<string, unknown> = {}) {
  const result = await run<{ id: string }>(createProject, who, { enterpriseId, name: `跳阶段项目 ${Math.random()}`, stage: "negotiating", plannedAmount: "1.5", plannedUnit: "yi", ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}
const load = async (id: string) => (await database.db.select().from(projects).where(eq(projects.id, id)))[0]!;
const move = (who: Viewer, id: string, version: number, toStage: string, extra: Record<string, unknown> = {}) =>
  run<{ stage: string; version: number; pendingTo: string | null }>(moveProjectStage, who, { id, version, toStage, ...extra });
/** The project's stage changes as the history keeps them, oldest first. */
const changes = (id: string) => database.db.select().from(stageChanges).where(eq(stageChanges.projectId, id)).orderBy(asc(stageChanges.changedAt), asc(stageChanges.createdAt));
const steps = (rows: { fromStage: string | null; toStage: string; state: string }[]) => rows.map((r) => `${r.fromStage ?? "·"}→${r.toStage} ${r.state}`);

/** Every row of every table a move may write (evidence files too), as one digest. */
async function digest() {
  const [row] = await queryRows<{ d: string }>(
    database.db,
    sql`select md5(coalesce((select string_agg(x::text, '|' order by x::text) from projects x), '')
      || coalesce((select string_agg(x::text, '|' order by x::text) from stage_changes x), '')
      || coalesce((select string_agg(x::text, '|' order by x::text) from audit_log x), '')
      || coalesce((select string_agg(x::text, '|' order by x::text) from evidence_files x), '')) as d`,
  );
  return row!.d;
}

/** The review's signing figures for the test team in the current year. */
async function signedFigures(who: Viewer) {
  const month = Number(today.slice(5, 7));
  const [targets, byTeam, monthly, conversion] = await Promise.all([
    getTargetsVsActuals(database.db, who, review),
    getBreakdown(database.db, who, review, "team"),
    getMonthlyProgress(database.db, who, review),
    getConversion(database.db, who, review),
  ]);
  return {
    projectsSigned: targets.projectsSigned,
    signedAmount: roundDecimal(targets.signedAmount, 2),
    signedInYear: byTeam.reduce((n, r) => n + r.signedInYear, 0),
    monthSigned: monthly.find((m) => m.month === month)!.projectsSigned,
    intentToSigned: conversion.find((c) => c.fromStage === "intent")!.advanced,
  };
}

const plus = (a: string, b: string) => roundDecimal(addDecimals(a, b), 2);
const SIGNING = { signedOn: lastWeek, signedAmount: "2", signedUnit: "yi" };

describe("a move over several stages", () => {
  it("negotiating → registered by a manager with evidence and the signing records every stage, the signing, and counts in the review", async () => {
    const id = await newProject(manager);
    const before = await signedFigures(manager);
    const moved = await move(manager, id, 1, "registered", { ...SIGNING, reason: "已签约并完成注册", evidence: pdfFile("营业执照.pdf") });
    expect(moved).toMatchObject({ ok: true, data: { stage: "registered", pendingTo: null, version: 2 } });

    const rows = await changes(id);
    expect(steps(rows)).toEqual([
      "·→negotiating applied",
      "negotiating→site_visit applied",
      "site_visit→intent applied",
      "intent→signed applied",
      "signed→registered applied",
    ]);
    const moves = rows.slice(1);
    for (let i = 1; i < moves.length; i++) expect(moves[i]!.changedAt.getTime()).toBeGreaterThan(moves[i - 1]!.changedAt.getTime());
    for (const r of moves) expect(r).toMatchObject({ changedBy: manager.id, reason: "已签约并完成注册" });
    const [siteVisit, intent, signed, registered] = moves;
    expect(signed).toMatchObject({ signedOn: lastWeek, signedAmount: "200000000.00", signedCurrency: "CNY", evidenceName: null, verifiedBy: null });
    expect(registered).toMatchObject({ evidenceName: "营业执照.pdf", verifiedBy: manager.id, signedOn: null });
    for (const r of [siteVisit, intent]) expect(r).toMatchObject({ evidenceName: null, verifiedBy: null, signedOn: null, signedAmount: null });

    expect(await load(id)).toMatchObject({ stage: "registered", signedOn: lastWeek, plannedAmount: "200000000.00", currency: "CNY" });
    // The history on the project page, newest first, shows the signing on its row.
    const history = await listStageHistory(database.db, manager, id);
    expect(history.map((r) => r.toStage)).toEqual(["registered", "signed", "intent", "site_visit", "negotiating"]);
    expect(history[1]).toMatchObject({ signedOn: lastWeek, signedAmount: "200000000.00", signedCurrency: "CNY" });

    const after = await signedFigures(manager);
    expect(after).toEqual({
      projectsSigned: before.projectsSigned + 1,
      signedAmount: plus(before.signedAmount, "200000000"),
      signedInYear: before.signedInYear + 1,
      monthSigned: before.monthSigned + 1,
      intentToSigned: before.intentToSigned + 1,
    });
  });

  it("without the signing, or with a future date or a zero amount, is refused at the fields and writes nothing", async () => {
    const id = await newProject(manager);
    const rowsBefore = await digest();

    expect(await move(manager, id, 1, "registered", { evidence: pdfFile() })).toMatchObject({
      ok: false,
      fieldErrors: {
        signedOn: ["Enter the signing date: with this move the project reaches Signed."],
        signedAmount: ["Enter the signed amount: with this move the project reaches Signed."],
      },
    });
    expect(await move(manager, id, 1, "registered", { evidence: pdfFile(), signedOn: addDays(today, 1), signedAmount: "0", signedUnit: "wan" })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: ["The signing date cannot be later than today."], signedAmount: ["Enter an amount greater than zero."] },
    });
    // Everything missing at once: the signing and the evidence.
    const none = await move(manager, id, 1, "registered");
    expect(none.ok).toBe(false);
    if (!none.ok) expect(Object.keys(none.fieldErrors ?? {}).sort()).toEqual(["evidence", "signedAmount", "signedOn"]);
    // Not a date, not an amount: the form's own checks.
    const malformed = await move(manager, id, 1, "signed", { signedOn: "2026-13-45", signedAmount: "1.234" });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(Object.keys(malformed.fieldErrors ?? {}).sort()).toEqual(["signedAmount", "signedOn"]);
    // Into 签约 alone needs it as much as past it.
    expect(await move(staff, id, 1, "signed")).toMatchObject({ ok: false, fieldErrors: { signedOn: [expect.any(String)], signedAmount: [expect.any(String)] } });

    expect(await digest()).toBe(rowsBefore);
    expect(await load(id)).toMatchObject({ stage: "negotiating", version: 1, signedOn: null });
  });

  it("a staff request passing 签约 carries the signing; the manager's approval records the same steps", async () => {
    const id = await newProject(staff, { currency: "USD", plannedAmount: "500", plannedUnit: "wan" });
    expect(await move(staff, id, 1, "registered", { reason: "协议已签" })).toMatchObject({ ok: false, fieldErrors: { signedOn: [expect.any(String)], signedAmount: [expect.any(String)] } });
    const request = await move(staff, id, 1, "registered", { reason: "协议已签", signedOn: lastWeek, signedAmount: "1,200", signedUnit: "wan" });
    expect(request).toMatchObject({ ok: true, data: { stage: "negotiating", pendingTo: "registered", version: 2 } });
    // One request for the whole move, holding the signing; the project has not moved or signed.
    expect(steps(await changes(id))).toEqual(["·→negotiating applied", "negotiating→registered pending"]);
    const [, pending] = await changes(id);
    expect(pending).toMatchObject({ signedOn: lastWeek, signedAmount: "12000000.00", signedCurrency: "USD" });
    expect(await load(id)).toMatchObject({ stage: "negotiating", signedOn: null, plannedAmount: "5000000.00" });

    const before = await signedFigures(manager);
    expect(await run(decideStageRequest, manager, { requestId: pending!.id, decision: "approve", evidence: pdfFile("执照.pdf"), note: "已核验" })).toMatchObject({ ok: true, data: { stage: "registered" } });

    const rows = await changes(id);
    expect(steps(rows)).toEqual([
      "·→negotiating applied",
      "negotiating→site_visit applied",
      "site_visit→intent applied",
      "intent→signed applied",
      "signed→registered applied",
    ]);
    const moves = rows.slice(1);
    for (let i = 1; i < moves.length; i++) expect(moves[i]!.changedAt.getTime()).toBeGreaterThan(moves[i - 1]!.changedAt.getTime());
    for (const r of moves) expect(r).toMatchObject({ changedBy: staff.id, reason: "协议已签" });
    // The request became the last step; the signing moved to the change into 签约.
    expect(moves[3]).toMatchObject({ id: pending!.id, verifiedBy: manager.id, verificationNote: "已核验", evidenceName: "执照.pdf", signedOn: null, signedAmount: null });
    expect(moves[2]).toMatchObject({ signedOn: lastWeek, signedAmount: "12000000.00", signedCurrency: "USD" });
    expect(await load(id)).toMatchObject({ stage: "registered", signedOn: lastWeek, plannedAmount: "12000000.00", currency: "USD" });

    const after = await signedFigures(manager);
    expect(after.projectsSigned).toBe(before.projectsSigned + 1);
    // 1,200 万 USD at 7.10.
    expect(after.signedAmount).toBe(plus(before.signedAmount, "85200000"));
    expect(after.intentToSigned).toBe(before.intentToSigned + 1);
  });

  it("a request filed without the signing is approved only with the signing from the manager", async () => {
    const id = await newProject(staff);
    // As a request filed before the signing was asked for would stand.
    const [pending] = await database.db
      .insert(stageChanges)
      .values({ projectId: id, fromStage: "negotiating", toStage: "land", state: "pending", changedBy: staff.id, createdBy: staff.id, updatedBy: staff.id })
      .returning();
    const rowsBefore = await digest();
    expect(await run(decideStageRequest, manager, { requestId: pending!.id, decision: "approve", evidence: pdfFile() })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: [expect.any(String)], signedAmount: [expect.any(String)] },
    });
    expect(await digest()).toBe(rowsBefore);
    expect(await run(decideStageRequest, manager, { requestId: pending!.id, decision: "approve", evidence: pdfFile(), ...SIGNING })).toMatchObject({ ok: true, data: { stage: "land" } });
    const rows = await changes(id);
    expect(steps(rows).slice(1)).toEqual([
      "negotiating→site_visit applied",
      "site_visit→intent applied",
      "intent→signed applied",
      "signed→registered applied",
      "registered→land applied",
    ]);
    // The milestone passed on the way is verified by the approving manager too.
    expect(rows[4]).toMatchObject({ toStage: "registered", verifiedBy: manager.id, evidenceName: null });
    expect(rows[3]).toMatchObject({ toStage: "signed", signedOn: lastWeek, signedAmount: "200000000.00" });
    expect(await load(id)).toMatchObject({ stage: "land", signedOn: lastWeek, plannedAmount: "200000000.00" });
  });

  it("a project signed long ago and moved straight on raises the 签约未开工 alert", async () => {
    const longAgo = addDays(today, -800);
    const id = await newProject(manager);
    expect(await listSignedNotStarted(database.db, manager, 12)).not.toContainEqual(expect.objectContaining({ id }));
    expect(await move(manager, id, 1, "registered", { signedOn: longAgo, signedAmount: "3", signedUnit: "yi", evidence: pdfFile() })).toMatchObject({ ok: true });
    const alert = (await listSignedNotStarted(database.db, manager, 12)).find((r) => r.id === id);
    expect(alert).toMatchObject({ stage: "registered", signedOn: longAgo, deadline: addMonths(longAgo, 12) });
  });
});

describe("what stays as it was", () => {
  it("a project that signed before moves past 签约 again without being asked; backward moves still need a reason and write one row", async () => {
    const id = await newProject(manager, { stage: "intent" });
    expect(await move(manager, id, 1, "signed", SIGNING)).toMatchObject({ ok: true });
    expect(await move(manager, id, 2, "negotiating")).toMatchObject({ ok: false, fieldErrors: { reason: ["Say why the project moves back."] } });
    expect(await move(manager, id, 2, "negotiating", { reason: "合同重新谈判" })).toMatchObject({ ok: true, data: { stage: "negotiating" } });
    expect(steps(await changes(id)).at(-1)).toBe("signed→negotiating applied");
    const card = (await getPipeline(database.db, manager, parsePipelineFilters({ status: "all" }))).cards.find((c) => c.id === id);
    expect(card).toMatchObject({ stage: "negotiating", signed: true });
    // Already signed: forward again needs no signing, and the first signing stays.
    expect(await move(manager, id, 3, "signed")).toMatchObject({ ok: true, data: { stage: "signed" } });
    expect(await load(id)).toMatchObject({ signedOn: lastWeek, plannedAmount: "200000000.00" });
    expect((await changes(id)).at(-1)).toMatchObject({ fromStage: "intent", toStage: "signed", signedOn: null });
  });

  it("creating a project at 签约 records the signing: a date not in the future and a planned amount above zero", async () => {
    const name = `现场签约 ${Math.random()}`;
    const bad = await run(createProject, staff, { enterpriseId, name, stage: "signed" });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        signedOn: ["Enter the signing date: with this move the project reaches Signed."],
        plannedAmount: ["Enter the signed amount: with this move the project reaches Signed."],
      },
    });
    expect(await run(createProject, staff, { enterpriseId, name, stage: "signed", signedOn: addDays(today, 2), plannedAmount: "0" })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: ["The signing date cannot be later than today."], plannedAmount: ["Enter an amount greater than zero."] },
    });
    expect((await database.db.select().from(projects).where(eq(projects.name, name))).length).toBe(0);
    const id = await newProject(staff, { name, stage: "signed", signedOn: lastWeek, plannedAmount: "8", plannedUnit: "wan" });
    expect(await load(id)).toMatchObject({ stage: "signed", signedOn: lastWeek, plannedAmount: "80000.00" });
    expect(await changes(id)).toMatchObject([{ fromStage: null, toStage: "signed", signedOn: lastWeek, signedAmount: "80000.00", signedCurrency: "CNY" }]);
    // A later stage is not a starting stage: it is reached by moving, with verification.
    expect(await run(createProject, staff, { enterpriseId, name: "x", stage: "registered", signedOn: lastWeek, plannedAmount: "1" })).toMatchObject({ ok: false, fieldErrors: { stage: [expect.any(String)] } });
  });
});

/** A YYYY-MM-DD day plus whole months, as PostgreSQL adds them (the last day of a shorter month). */
function addMonths(day: string, months: number) {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
