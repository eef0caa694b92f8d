import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, evidenceFiles, projects, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { EVIDENCE_MAX_BYTES } from "@/lib/evidence/limits";
import { shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createProject } from "./actions/create-project";
import { decideStageRequest } from "./actions/decide-stage-request";
import { moveProjectStage } from "./actions/move-stage";
import { getPipeline } from "./board-queries";
import { parsePipelineFilters } from "./filters";
import { getProject, listStageHistory, timeInStages } from "./queries";
import { makeEnterprise, makeRate, PDF_BYTES, pdfFile } from "@/test/support/project-fixtures";

let database: Database;
let staff: Viewer, staff2: Viewer, manager: Viewer, otherStaff: Viewer, otherManager: Viewer, viewer: Viewer, admin: Viewer;
let enterpriseId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  staff = await makeViewer(db, "staff", team.id);
  staff2 = await makeViewer(db, "staff", team.id);
  manager = await makeViewer(db, "manager", team.id);
  otherStaff = await makeViewer(db, "staff", other.id);
  otherManager = await makeViewer(db, "manager", other.id);
  viewer = await makeViewer(db, "viewer");
  admin = await makeViewer(db, "admin");
  enterpriseId = (await makeEnterprise(db, team.id)).id;
  await makeRate(db, "EUR", "7.50000000", "2020-01-01");
  await makeRate(db, "EUR", "8.00000000", "2024-01-01");
  await makeRate(db, "EUR", "9.00000000", "2999-01-01"); // not valid yet
});
afterAll(() => database?.close());

const run = <T>(def: { definition: unknown }, who: Viewer | null, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<
    { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown }
  >;

async function newProject(who: Viewer, extra: Record<string, unknown> = {}) {
  // Starting at 签约 records the signing: its day (the amount is the planned one).
  const signing = extra.stage === "signed" ? { signedOn: shanghaiDay() } : {};
  const result = await run<{ id: string }>(createProject, who, { enterpriseId, name: `项目 ${Math.random()}`, plannedAmount: "1.5", plannedUnit: "yi", ...signing, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}
const load = async (id: string) => (await database.db.select().from(projects).where(eq(projects.id, id)))[0]!;
const move = (who: Viewer, id: string, version: number, toStage: string, extra: Record<string, unknown> = {}) =>
  run<{ stage: string; version: number; pendingTo: string | null }>(moveProjectStage, who, { id, version, toStage, ...extra });
const board = (who: Viewer) => getPipeline(database.db, who, parsePipelineFilters({ status: "all" }));
const column = async (who: Viewer, stage: string) => (await board(who)).columns.find((c) => c.stage === stage)!;

describe("create project", () => {
  it("stores the amount exactly in yuan, starts the history, and audits", async () => {
    const id = await newProject(staff, { plannedAmount: "1,234.56", plannedUnit: "wan", currency: "CNY", landMu: "12.5", expectedJobs: "30" });
    const row = await load(id);
    expect(row).toMatchObject({ plannedAmount: "12345600.00", currency: "CNY", landMu: "12.50", expectedJobs: 30, stage: "lead", ownerId: staff.id, teamId: staff.teamId, version: 1 });
    const history = await listStageHistory(database.db, staff, id);
    expect(history).toMatchObject([{ fromStage: null, toStage: "lead", state: "applied" }]);
    const [audit] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit!.n).toBe(1);
  });

  it("refuses viewers and bad input with field messages, writing nothing", async () => {
    const before = (await database.db.select({ n: count() }).from(projects))[0]!.n;
    expect(await run(createProject, viewer, { enterpriseId, name: "x" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    const bad = await run(createProject, staff, { enterpriseId, name: " ", plannedAmount: "12.345", expectedJobs: "-1", stage: "production" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["expectedJobs", "name", "plannedAmount", "stage"]);
    const foreignOwner = await run(createProject, staff, { enterpriseId, name: "x", ownerId: otherStaff.id });
    expect(foreignOwner).toMatchObject({ ok: false, fieldErrors: { ownerId: ["Choose someone in the project's team."] } });
    expect((await database.db.select({ n: count() }).from(projects))[0]!.n).toBe(before);
  });
});

describe("move stage", () => {
  it("moves 在谈 → 考察: the stage stays after reload, the history lists the move, the column totals change", async () => {
    const id = await newProject(staff, { stage: "negotiating", plannedAmount: "2", plannedUnit: "wan" });
    const [negBefore, siteBefore] = [await column(staff, "negotiating"), await column(staff, "site_visit")];
    const result = await move(staff, id, 1, "site_visit");
    expect(result).toMatchObject({ ok: true, data: { stage: "site_visit", version: 2, pendingTo: null } });
    expect(await load(id)).toMatchObject({ stage: "site_visit", version: 2 });
    const history = await listStageHistory(database.db, staff, id);
    expect(history[0]).toMatchObject({ fromStage: "negotiating", toStage: "site_visit", state: "applied", changedByName: staff.name });
    const [negAfter, siteAfter] = [await column(staff, "negotiating"), await column(staff, "site_visit")];
    expect(negAfter.count).toBe(negBefore.count - 1);
    expect(siteAfter.count).toBe(siteBefore.count + 1);
    expect(Number(siteAfter.totalCny) - Number(siteBefore.totalCny)).toBe(20000);
    expect((await timeInStages(database.db, staff, id)).map((s) => s.stage)).toEqual(["negotiating", "site_visit"]);
  });

  it("needs a reason to move backward", async () => {
    const id = await newProject(staff, { stage: "intent" });
    expect(await move(staff, id, 1, "negotiating")).toMatchObject({ ok: false, fieldErrors: { reason: ["Say why the project moves back."] } });
    expect(await move(staff, id, 1, "negotiating", { reason: "企业重新评估" })).toMatchObject({ ok: true, data: { stage: "negotiating" } });
    expect((await listStageHistory(database.db, staff, id))[0]).toMatchObject({ reason: "企业重新评估" });
  });

  it("lets nobody outside the edit rules move: viewers, other teams (Forbidden), invisible projects (NotFound)", async () => {
    const id = await newProject(staff, { stage: "negotiating" });
    expect(await move(viewer, id, 1, "site_visit")).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await move(otherStaff, id, 1, "site_visit")).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    const secret = await newProject(staff, { stage: "negotiating", confidential: "on" });
    expect(await move(otherStaff, secret, 1, "site_visit")).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
    expect(await load(id)).toMatchObject({ stage: "negotiating", version: 1 });
  });

  it("gives the second of two movers of the same card a conflict carrying the true stage", async () => {
    const id = await newProject(staff, { stage: "negotiating" });
    const first = await move(staff, id, 1, "site_visit");
    const second = await move(staff2, id, 1, "intent");
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      message: "Someone else changed this record while you were editing it.",
      details: { current: { id, stage: "site_visit", version: 2 } },
    });
    expect(await load(id)).toMatchObject({ stage: "site_visit", version: 2 });
  });
});

describe("verified milestones", () => {
  it("a staff move 签约 → 注册 becomes a pending request; the manager approves with evidence", async () => {
    const id = await newProject(staff, { stage: "signed" });
    const request = await move(staff, id, 1, "registered", { reason: "营业执照已取得" });
    expect(request).toMatchObject({ ok: true, data: { stage: "signed", pendingTo: "registered", version: 2 } });
    expect(await load(id)).toMatchObject({ stage: "signed" });
    const card = (await board(staff)).cards.find((c) => c.id === id);
    expect(card).toMatchObject({ stage: "signed", pendingTo: "registered" });
    expect(await move(staff2, id, 2, "registered")).toMatchObject({ ok: false, fieldErrors: { toStage: ["A request for this project is already waiting for verification."] } });

    const pending = (await listStageHistory(database.db, staff, id))[0]!;
    expect(pending).toMatchObject({ state: "pending", toStage: "registered" });
    // Staff and other teams' managers cannot decide; without evidence the manager cannot approve.
    expect(await run(decideStageRequest, staff, { requestId: pending.id, decision: "approve", evidence: pdfFile() })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(decideStageRequest, otherManager, { requestId: pending.id, decision: "approve", evidence: pdfFile() })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(decideStageRequest, manager, { requestId: pending.id, decision: "approve" })).toMatchObject({ ok: false, fieldErrors: { evidence: ["Attach the evidence: a PDF, JPEG or PNG file."] } });

    const approved = await run(decideStageRequest, manager, { requestId: pending.id, decision: "approve", note: "已核验营业执照", evidence: pdfFile("营业执照.pdf") });
    expect(approved).toMatchObject({ ok: true, data: { stage: "registered" } });
    expect(await load(id)).toMatchObject({ stage: "registered", version: 3 });
    const [applied] = await listStageHistory(database.db, staff, id);
    expect(applied).toMatchObject({ state: "applied", fromStage: "signed", toStage: "registered", verifiedByName: manager.name, changedByName: staff.name, verificationNote: "已核验营业执照", evidenceName: "营业执照.pdf", evidenceSize: PDF_BYTES.byteLength });
    const [stored] = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.stageChangeId, applied!.id));
    expect(stored).toMatchObject({ contentType: "application/pdf", size: PDF_BYTES.byteLength, sha256: createHash("sha256").update(PDF_BYTES).digest("hex") });
    expect(Buffer.from(stored!.content).equals(Buffer.from(PDF_BYTES))).toBe(true);
  });

  it("a rejection needs a note and leaves the project where it was", async () => {
    const id = await newProject(staff, { stage: "signed" });
    await move(staff, id, 1, "registered");
    const pending = (await listStageHistory(database.db, staff, id))[0]!;
    expect(await run(decideStageRequest, manager, { requestId: pending.id, decision: "reject" })).toMatchObject({ ok: false, fieldErrors: { note: ["This field is required."] } });
    expect(await run(decideStageRequest, manager, { requestId: pending.id, decision: "reject", note: "执照名称与协议不符" })).toMatchObject({ ok: true, data: { stage: "signed" } });
    expect((await listStageHistory(database.db, staff, id))[0]).toMatchObject({ state: "rejected", verifiedByName: manager.name, verificationNote: "执照名称与协议不符" });
  });

  it("a manager of the team moves a milestone directly, but only with evidence", async () => {
    const id = await newProject(manager, { stage: "signed" });
    expect(await move(manager, id, 1, "registered")).toMatchObject({ ok: false, fieldErrors: { evidence: ["Attach the evidence: a PDF, JPEG or PNG file."] } });
    expect(await move(manager, id, 1, "registered", { evidence: pdfFile() })).toMatchObject({ ok: true, data: { stage: "registered", pendingTo: null } });
    expect((await listStageHistory(database.db, manager, id))[0]).toMatchObject({ verifiedByName: manager.name });
  });

  it("refuses an oversized or disallowed evidence file with a message, storing nothing", async () => {
    const id = await newProject(manager, { stage: "signed" });
    const filesBefore = (await database.db.select({ n: count() }).from(evidenceFiles))[0]!.n;
    const changesBefore = (await database.db.select({ n: count() }).from(stageChanges))[0]!.n;
    const big = new File([new Uint8Array(EVIDENCE_MAX_BYTES + 1).fill(0x25)], "big.pdf", { type: "application/pdf" });
    expect(await move(manager, id, 1, "registered", { evidence: big })).toMatchObject({ ok: false, fieldErrors: { evidence: ["This file is larger than 10 MB."] } });
    // An executable renamed to .pdf and claiming to be a PDF is still refused: the bytes decide.
    const fake = new File([new TextEncoder().encode("MZ\x90\x00 not a pdf")], "licence.pdf", { type: "application/pdf" });
    expect(await move(manager, id, 1, "registered", { evidence: fake })).toMatchObject({ ok: false, fieldErrors: { evidence: ["Only PDF, JPEG and PNG files are accepted."] } });
    expect((await database.db.select({ n: count() }).from(evidenceFiles))[0]!.n).toBe(filesBefore);
    expect((await database.db.select({ n: count() }).from(stageChanges))[0]!.n).toBe(changesBefore);
    expect(await load(id)).toMatchObject({ stage: "signed", version: 1 });
  });
});

describe("visibility and money", () => {
  it("hides a confidential project from other teams' staff: no page, no card, not in any count or total", async () => {
    const id = await newProject(staff, { stage: "intent", confidential: "on", plannedAmount: "3", plannedUnit: "yi" });
    expect(await getProject(database.db, otherStaff, id)).toBeNull();
    expect(await getProject(database.db, staff2, id)).toBeNull(); // confidential: not even team staff
    expect(await getProject(database.db, staff, id)).not.toBeNull();
    expect(await getProject(database.db, manager, id)).not.toBeNull();
    expect(await getProject(database.db, admin, id)).not.toBeNull();
    expect(await listStageHistory(database.db, otherStaff, id)).toEqual([]);
    const [mine, theirs] = [await column(staff, "intent"), await column(otherStaff, "intent")];
    expect(mine.count - theirs.count).toBe(1);
    expect(Number(mine.totalCny) - Number(theirs.totalCny)).toBe(300000000);
    expect((await board(otherStaff)).cards.some((c) => c.id === id)).toBe(false);
  });

  it("sums columns in CNY with the latest rate valid today", async () => {
    const before = await column(admin, "lead");
    await newProject(admin, { plannedAmount: "100.01", plannedUnit: "yuan", currency: "EUR" });
    const after = await column(admin, "lead");
    // 100.01 EUR × 8.00 (the 2024 rate; the 2999 one is not valid yet).
    expect(after.totalCny).not.toBe(before.totalCny);
    const diff = BigInt(after.totalCny.replace(".", "")) - BigInt(before.totalCny.replace(".", ""));
    expect(diff).toBe(80008n);
  });
});
