import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, fundTranches } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { shanghaiDay } from "@/lib/time";
import { getContractedVsInPlace, getTargetsVsActuals } from "@/lib/review/queries";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addFundTranche } from "./actions/add-tranche";
import { createProject } from "./actions/create-project";
import { deleteFundTranche } from "./actions/delete-tranche";
import { updateFundTranche } from "./actions/update-tranche";
import { getProject, listTranches } from "./queries";
import { makeEnterprise } from "@/test/support/project-fixtures";

let database: Database;
let teamId: string;
let owner: Viewer, colleague: Viewer, manager: Viewer, otherManager: Viewer, admin: Viewer, viewer: Viewer;
let enterpriseId: string;

const FORBIDDEN = "You do not have permission to do this.";
const NOT_FOUND = "This record does not exist or you cannot see it.";
const CONFLICT = "Someone else changed this record while you were editing it.";
const today = shanghaiDay();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  const otherTeam = await makeTeam(database.db);
  teamId = team.id;
  owner = await makeViewer(database.db, "staff", team.id);
  colleague = await makeViewer(database.db, "staff", team.id);
  manager = await makeViewer(database.db, "manager", team.id);
  otherManager = await makeViewer(database.db, "manager", otherTeam.id);
  admin = await makeViewer(database.db, "admin");
  viewer = await makeViewer(database.db, "viewer");
  enterpriseId = (await makeEnterprise(database.db, team.id)).id;
});
afterAll(() => database?.close());

type Result = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

async function newProject(extra: Record<string, unknown> = {}) {
  const r = await run(createProject, owner, { enterpriseId, name: `到位资金测试${randomUUID().slice(0, 6)}`, plannedAmount: "5", plannedUnit: "yi", ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id as string;
}
const signedProject = () => newProject({ stage: "signed", signedOn: today });

async function addTranche(projectId: string, amountWan: string) {
  const r = await run(addFundTranche, owner, { projectId, receivedOn: today, amount: amountWan, unit: "wan", currency: "CNY", note: "首期" });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id as string;
}

const stored = async (id: string) => (await database.db.select().from(fundTranches).where(eq(fundTranches.id, id)))[0]!;
const auditOf = async (id: string, action: string) =>
  database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
const auditCount = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;
/** The review's funds-in-place figure for the team this year, as the manager sees it. */
const fundsInPlace = async () => (await getTargetsVsActuals(database.db, manager, { year, team: teamId, chain: null })).fundsInPlace;
const correction = (id: string, version: number, extra: Record<string, unknown> = {}) => ({
  id, version, receivedOn: today, amount: "1200", unit: "wan", currency: "CNY", note: "银行回单", reason: "登记时少录了 200 万元", ...extra,
});

describe("adding funds in place", () => {
  it("is refused before the project has signed, with the reason at the field, and writes nothing", async () => {
    const lead = await newProject();
    const before = await auditCount();
    const refused = await run(addFundTranche, owner, { projectId: lead, receivedOn: today, amount: "100", unit: "wan" });
    expect(refused).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { projectId: ["Funds in place can be recorded once the project has reached Signed."] },
    });
    expect(t("projectRules.tranchesBeforeSigning")).toBe("Funds in place can be recorded once the project has reached Signed.");
    expect(await database.db.select().from(fundTranches).where(eq(fundTranches.projectId, lead))).toEqual([]);
    expect(await auditCount()).toBe(before);

    // An admin is held to the same rule; once the project signs, the same tranche goes in.
    expect(await run(addFundTranche, admin, { projectId: lead, receivedOn: today, amount: "100", unit: "wan" })).toMatchObject({ ok: false, fieldErrors: { projectId: [expect.any(String)] } });
    expect(await run(addFundTranche, owner, { projectId: await signedProject(), receivedOn: today, amount: "100", unit: "wan" })).toMatchObject({ ok: true });
  });

  it("on a confidential lead answers not found to those who cannot see it, and the rule to those who can", async () => {
    const secret = await newProject({ confidential: "on" });
    const input = { projectId: secret, receivedOn: today, amount: "100", unit: "wan" };
    expect(await run(addFundTranche, colleague, input)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await run(addFundTranche, colleague, { ...input, projectId: randomUUID() })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await run(addFundTranche, manager, input)).toMatchObject({ ok: false, fieldErrors: { projectId: [expect.any(String)] } });
  });
});

describe("correcting funds in place", () => {
  it("a manager of the team corrects a tranche with a reason: the review counts the new amount and the audit keeps before, after and why", async () => {
    const projectId = await signedProject();
    const trancheId = await addTranche(projectId, "1000");
    const withOld = Number(await fundsInPlace());

    const result = await run(updateFundTranche, manager, correction(trancheId, 1));
    expect(result).toEqual({ ok: true, data: { id: trancheId, projectId, version: 2 } });
    expect(await stored(trancheId)).toMatchObject({ amount: "12000000.00", note: "银行回单", version: 2, updatedBy: manager.id, deletedAt: null });

    expect(Number(await fundsInPlace()) - withOld).toBe(2_000_000);
    expect((await getProject(database.db, manager, projectId))!.fundsInPlaceCny).toBe("12000000.00");
    expect((await listTranches(database.db, owner, projectId)).map((r) => r.amount)).toEqual(["12000000.00"]);

    const [audit] = await auditOf(trancheId, "project.updateTranche");
    expect(audit).toMatchObject({
      actorId: manager.id,
      entityType: "fund_tranche",
      before: { amount: "10000000.00", note: "首期", version: 1 },
      after: { amount: "12000000.00", note: "银行回单", version: 2, reason: "登记时少录了 200 万元" },
    });

    // An admin may correct too, over the version now saved.
    expect(await run(updateFundTranche, admin, correction(trancheId, 2, { amount: "1100", reason: "以财政核定为准" }))).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("without a reason is refused at the reason field and changes nothing", async () => {
    const trancheId = await addTranche(await signedProject(), "1000");
    const before = await auditCount();
    for (const reason of [undefined, "", "   "]) {
      expect(await run(updateFundTranche, manager, correction(trancheId, 1, { reason }))).toMatchObject({ ok: false, fieldErrors: { reason: ["This field is required."] } });
      expect(await run(deleteFundTranche, manager, { id: trancheId, version: 1, reason })).toMatchObject({ ok: false, fieldErrors: { reason: ["This field is required."] } });
    }
    expect(await stored(trancheId)).toMatchObject({ amount: "10000000.00", version: 1, deletedAt: null });
    expect(await auditCount()).toBe(before);
  });

  it("checks the day and amount as adding does", async () => {
    const trancheId = await addTranche(await signedProject(), "1000");
    expect(await run(updateFundTranche, manager, correction(trancheId, 1, { amount: "0" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["Enter an amount greater than zero."] } });
    expect(await run(updateFundTranche, manager, correction(trancheId, 1, { receivedOn: "2999-01-01" }))).toMatchObject({ ok: false, fieldErrors: { receivedOn: ["Funds cannot arrive in the future."] } });
    expect(await stored(trancheId)).toMatchObject({ amount: "10000000.00", version: 1 });
  });

  it("over a stale version gets a conflict and changes nothing", async () => {
    const trancheId = await addTranche(await signedProject(), "1000");
    expect(await run(updateFundTranche, manager, correction(trancheId, 1))).toMatchObject({ ok: true });
    const before = await auditCount();
    const stale = await run(updateFundTranche, admin, correction(trancheId, 1, { amount: "900", reason: "另一人的更正" }));
    // The other person's values come back for the form to show beside the typed ones.
    expect(stale).toEqual({
      ok: false,
      message: CONFLICT,
      details: { current: { version: 2, values: { receivedOn: today, amount: "1200", unit: "wan", currency: "CNY", note: "银行回单", reason: "" }, updatedAt: expect.any(String), updatedBy: expect.any(String) } },
    });
    const staleDelete = await run(deleteFundTranche, admin, { id: trancheId, version: 1, reason: "重复登记" });
    expect(staleDelete).toMatchObject({ ok: false, message: CONFLICT });
    expect(await stored(trancheId)).toMatchObject({ amount: "12000000.00", version: 2, deletedAt: null });
    expect(await auditCount()).toBe(before);
  });

  it("is refused to staff (the owner included), a viewer and another team's manager, and nothing is written", async () => {
    const projectId = await signedProject();
    const trancheId = await addTranche(projectId, "1000");
    const row = await stored(trancheId);
    const before = await auditCount();
    for (const who of [owner, colleague, viewer, otherManager]) {
      expect(await run(updateFundTranche, who, correction(trancheId, 1))).toEqual({ ok: false, message: FORBIDDEN });
      expect(await run(deleteFundTranche, who, { id: trancheId, version: 1, reason: "重复登记" })).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect(await stored(trancheId)).toEqual(row);
    expect(await auditCount()).toBe(before);
  });

  it("of a confidential project answers those who cannot see it exactly as a tranche that does not exist", async () => {
    const secret = await newProject({ confidential: "on", stage: "signed", signedOn: today });
    const trancheId = await addTranche(secret, "300");
    const hidden = await run(updateFundTranche, otherManager, correction(trancheId, 1));
    expect(hidden).toEqual({ ok: false, message: NOT_FOUND });
    expect(await run(updateFundTranche, otherManager, correction(randomUUID(), 1))).toEqual(hidden);
    expect(await run(deleteFundTranche, otherManager, { id: trancheId, version: 1, reason: "重复登记" })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await run(deleteFundTranche, manager, { id: trancheId, version: 1, reason: "误录" })).toMatchObject({ ok: true });
  });
});

describe("deleting funds in place", () => {
  it("takes the tranche out of every figure, keeps it soft-deleted with the reason in the audit, and cannot be repeated", async () => {
    const projectId = await signedProject();
    const keep = await addTranche(projectId, "400");
    const wrong = await addTranche(projectId, "1000");
    const withBoth = Number(await fundsInPlace());
    const inPlace = async () => (await getContractedVsInPlace(database.db, manager, { year, team: teamId, chain: null }))[0]!.inPlace;
    const inPlaceBefore = Number(await inPlace());

    expect(await run(deleteFundTranche, manager, { id: wrong, version: 1, reason: "同一笔资金登记了两次" })).toEqual({ ok: true, data: { id: wrong, projectId } });

    expect(withBoth - Number(await fundsInPlace())).toBe(10_000_000);
    expect(inPlaceBefore - Number(await inPlace())).toBe(10_000_000);
    expect((await getProject(database.db, manager, projectId))!.fundsInPlaceCny).toBe("4000000.00");
    expect((await listTranches(database.db, manager, projectId)).map((r) => r.id)).toEqual([keep]);
    expect((await stored(wrong)).deletedAt).toBeInstanceOf(Date);

    const [audit] = await auditOf(wrong, "project.deleteTranche");
    expect(audit).toMatchObject({ actorId: manager.id, before: { amount: "10000000.00", deletedAt: null }, after: { deletedAt: expect.any(String), reason: "同一笔资金登记了两次" } });

    expect(await run(deleteFundTranche, manager, { id: wrong, version: 2, reason: "再删一次" })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await run(updateFundTranche, manager, correction(wrong, 2))).toEqual({ ok: false, message: NOT_FOUND });
  });
});
