import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { projects } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addFundTranche } from "./actions/add-tranche";
import { createProject } from "./actions/create-project";
import { moveProjectStage } from "./actions/move-stage";
import { setProjectStatus } from "./actions/set-status";
import { updateProject } from "./actions/update-project";
import { getProject, listStageHistory, listTranches } from "./queries";
import { makeEnterprise, makeRate } from "@/test/support/project-fixtures";

let database: Database;
let staff: Viewer, colleague: Viewer, manager: Viewer, viewer: Viewer;
let enterpriseId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  colleague = await makeViewer(database.db, "staff", team.id);
  manager = await makeViewer(database.db, "manager", team.id);
  viewer = await makeViewer(database.db, "viewer");
  enterpriseId = (await makeEnterprise(database.db, team.id)).id;
  await makeRate(database.db, "USD", "7.10000000");
});
afterAll(() => database?.close());

type Result = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const load = async (id: string) => (await database.db.select().from(projects).where(eq(projects.id, id)))[0]!;

async function newProject(extra: Record<string, unknown> = {}) {
  const r = await run(createProject, staff, { enterpriseId, name: "编辑测试", plannedAmount: "3", plannedUnit: "wan", ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id as string;
}

const editForm = (id: string, version: number, extra: Record<string, unknown> = {}) => ({ id, version, name: "新名称", status: "active", plannedAmount: "2.5", plannedUnit: "yi", currency: "CNY", ...extra });

describe("edit project", () => {
  it("saves over the loaded version; a stale version gets a conflict with the saved values and overwrites nothing", async () => {
    const id = await newProject();
    expect(await run(updateProject, staff, editForm(id, 1, { landMu: "88.5" }))).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await load(id)).toMatchObject({ name: "新名称", plannedAmount: "250000000.00", landMu: "88.50", version: 2 });
    const stale = await run(updateProject, colleague, editForm(id, 1, { name: "另一个名称" }));
    expect(stale).toMatchObject({ ok: false, message: "Someone else changed this record while you were editing it.", details: { current: { version: 2, values: { name: "新名称", plannedAmount: "2.5", plannedUnit: "yi" } } } });
    expect(await load(id)).toMatchObject({ name: "新名称", version: 2 });
    expect(await run(updateProject, viewer, editForm(id, 2))).toMatchObject({ ok: false, message: "You do not have permission to do this." });
  });

  it("needs a reason to set the status to lost, on the form and from the board", async () => {
    const id = await newProject();
    expect(await run(updateProject, staff, editForm(id, 1, { status: "lost" }))).toMatchObject({ ok: false, fieldErrors: { lostReason: ["This field is required."] } });
    expect(await run(setProjectStatus, staff, { id, version: 1, status: "lost" })).toMatchObject({ ok: false, fieldErrors: { reason: ["This field is required."] } });
    expect(await run(setProjectStatus, staff, { id, version: 1, status: "lost", reason: "企业总部取消投资计划" })).toMatchObject({ ok: true, data: { status: "lost", version: 2 } });
    expect(await load(id)).toMatchObject({ status: "lost", lostReason: "企业总部取消投资计划" });
    expect(await run(setProjectStatus, staff, { id, version: 2, status: "active" })).toMatchObject({ ok: true });
    expect(await load(id)).toMatchObject({ status: "active", lostReason: null });
  });
});

describe("funds in place", () => {
  it("adds dated tranches exactly, summed in CNY on the project page", async () => {
    const id = await newProject({ stage: "signed", signedOn: shanghaiDay() });
    expect(await run(addFundTranche, staff, { projectId: id, receivedOn: shanghaiDay(), amount: "1,000.50", unit: "wan", currency: "CNY" })).toMatchObject({ ok: true });
    expect(await run(addFundTranche, staff, { projectId: id, receivedOn: shanghaiDay(), amount: "100", unit: "yuan", currency: "USD" })).toMatchObject({ ok: true });
    expect(await run(addFundTranche, staff, { projectId: id, receivedOn: addDays(shanghaiDay(), 1), amount: "1", unit: "wan" })).toMatchObject({ ok: false, fieldErrors: { receivedOn: ["Funds cannot arrive in the future."] } });
    expect(await run(addFundTranche, staff, { projectId: id, receivedOn: shanghaiDay(), amount: "0", unit: "wan" })).toMatchObject({ ok: false, fieldErrors: { amount: ["Enter an amount greater than zero."] } });
    expect(await run(addFundTranche, staff, { projectId: id, receivedOn: shanghaiDay(), amount: "" })).toMatchObject({ ok: false, fieldErrors: { amount: ["This field is required."] } });
    expect((await listTranches(database.db, staff, id)).map((r) => [r.amount, r.currency, r.cny])).toEqual([
      ["10005000.00", "CNY", "10005000.00"],
      ["100.00", "USD", "710.00"],
    ]);
    expect((await getProject(database.db, staff, id))!.fundsInPlaceCny).toBe("10005710.00");
  });
});

describe("pending requests", () => {
  it("are withdrawn when the project moves another way", async () => {
    const id = await newProject({ stage: "signed", signedOn: shanghaiDay() });
    expect(await run(moveProjectStage, staff, { id, version: 1, toStage: "registered" })).toMatchObject({ ok: true, data: { pendingTo: "registered" } });
    expect(await run(moveProjectStage, manager, { id, version: 2, toStage: "intent", reason: "协议需重新谈判" })).toMatchObject({ ok: true, data: { stage: "intent" } });
    const [latest, withdrawn] = await listStageHistory(database.db, staff, id);
    expect(latest).toMatchObject({ toStage: "intent", state: "applied", reason: "协议需重新谈判" });
    expect(withdrawn).toMatchObject({ toStage: "registered", state: "rejected", verifiedByName: null });
  });
});
