import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, targets } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { setTarget } from "./actions/set-target";
import { listEditableTargets } from "./targets";

let database: Database;
let manager: Viewer, otherManager: Viewer, staff: Viewer, admin: Viewer;
let teamId: string, otherTeamId: string;

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (who: Viewer, input: Record<string, unknown>) => runAction(setTarget.definition, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const valid = (extra: Record<string, unknown> = {}) => ({
  year: "2027", teamId, version: "0", signedAmount: "1.25", signedUnit: "yi", fundsInPlace: "3000", fundsUnit: "wan", projectsSigned: "6", projectsStarted: "4", ...extra,
});
const stored = async (team: string, year = 2027) => (await database.db.select().from(targets).where(and(eq(targets.teamId, team), eq(targets.year, year))))[0];

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  const other = await makeTeam(database.db);
  teamId = team.id;
  otherTeamId = other.id;
  manager = await makeViewer(database.db, "manager", teamId);
  otherManager = await makeViewer(database.db, "manager", otherTeamId);
  staff = await makeViewer(database.db, "staff", teamId);
  admin = await makeViewer(database.db, "admin");
});
afterAll(() => database?.close());

describe("targets", () => {
  it("a manager creates then updates their team's target, exactly, with audit rows", async () => {
    const created = await run(manager, valid());
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await stored(teamId)).toMatchObject({ signedAmount: "125000000.00", fundsInPlace: "30000000.00", projectsSigned: 6, projectsStarted: 4, version: 1 });
    const updated = await run(manager, valid({ version: "1", signedAmount: "123456789.01", signedUnit: "yuan" }));
    expect(updated).toMatchObject({ ok: true, data: { id: created.data.id, version: 2 } });
    expect((await stored(teamId))!.signedAmount).toBe("123456789.01");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.data.id), eq(auditLog.action, "target.set")));
    expect(audit).toHaveLength(2);
    expect(await listEditableTargets(database.db, manager, 2027)).toEqual([expect.objectContaining({ teamId, version: 2 })]);
  });

  it("a stale form gets a conflict and changes nothing", async () => {
    const before = await stored(teamId);
    expect(await run(manager, valid({ version: "1", signedAmount: "1" }))).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect(await run(manager, valid({ version: "0", signedAmount: "1" }))).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect(await stored(teamId)).toEqual(before);
  });

  it("a stale form gets back the figures the other person saved, as the form shows them, and changes nothing", async () => {
    // The manager opened 2028 before anyone had set it; an admin sets it first.
    expect(await run(admin, valid({ year: "2028", signedAmount: "2.5", signedUnit: "yi", fundsInPlace: "1234.56", fundsUnit: "yuan", projectsSigned: "8", projectsStarted: "5" }))).toMatchObject({ ok: true });
    const before = await stored(teamId, 2028);
    const theirs = { signedAmount: "2.5", signedUnit: "yi", fundsInPlace: "1234.56", fundsUnit: "yuan", projectsSigned: "8", projectsStarted: "5" };
    const first = await run(manager, valid({ year: "2028", version: "0", signedAmount: "9", signedUnit: "wan" }));
    expect(first).toMatchObject({ ok: false, message: t("errors.conflict"), details: { current: { version: 1, updatedBy: admin.name, values: theirs } } });
    // Only the form's fields: not the row's id, team or year.
    expect((first as { details: { current: { values: object } } }).details.current.values).toEqual(theirs);

    // Saved again over their version, then overtaken once more: the amounts come back in the unit that keeps them exact.
    expect(await run(manager, valid({ year: "2028", version: "1", signedAmount: "3", signedUnit: "yi" }))).toMatchObject({ ok: true, data: { version: 2 } });
    const mine = await stored(teamId, 2028);
    const stale = await run(admin, valid({ year: "2028", version: "1", signedAmount: "1" }));
    expect(stale).toMatchObject({ ok: false, details: { current: { version: 2, updatedBy: manager.name, values: { signedAmount: "3", signedUnit: "yi", fundsInPlace: "3000", fundsUnit: "wan" } } } });
    expect(await stored(teamId, 2028)).toEqual(mine);
    expect(mine).not.toEqual(before);
  });

  it("managers set only their own team's; staff none; admins any team", async () => {
    expect(await run(otherManager, valid({ version: "2" }))).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(staff, valid({ version: "2" }))).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(admin, valid({ teamId: otherTeamId }))).toMatchObject({ ok: true });
    expect((await stored(otherTeamId))!.projectsSigned).toBe(6);
    expect((await listEditableTargets(database.db, admin, 2027)).map((r) => r.teamId)).toEqual(expect.arrayContaining([teamId, otherTeamId]));
    expect(await listEditableTargets(database.db, staff, 2027)).toEqual([]);
  });

  it("bad amounts, counts and years are explained per field and save nothing", async () => {
    const result = await run(admin, valid({ year: "1999", teamId: otherTeamId, version: "1", signedAmount: "12.345", fundsInPlace: "", projectsSigned: "-1", projectsStarted: "2.5" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        year: [t("validation.invalid")],
        signedAmount: [t("validation.invalid")],
        fundsInPlace: [t("validation.required")],
        projectsSigned: [t("validation.invalid")],
        projectsStarted: [t("validation.invalid")],
      },
    });
    expect((await stored(otherTeamId))!.version).toBe(1);
  });
});
