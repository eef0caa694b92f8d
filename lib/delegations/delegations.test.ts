import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, delegationEnterprises, delegations } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addDelegationMember } from "./actions/add-member";
import { createDelegation } from "./actions/create-delegation";
import { deleteDelegation } from "./actions/delete-delegation";
import { linkEnterpriseToDelegation } from "./actions/link-enterprise";
import { removeDelegationMember } from "./actions/remove-member";
import { unlinkEnterpriseFromDelegation } from "./actions/unlink-enterprise";
import { updateDelegation } from "./actions/update-delegation";
import { getDelegation, listDelegations, listLinkableDelegations } from "./queries";

let database: Database;
let staff: Viewer, colleague: Viewer, outsider: Viewer, viewer: Viewer;
let enterpriseId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  staff = await makeViewer(db, "staff", team.id);
  colleague = await makeViewer(db, "staff", team.id);
  outsider = await makeViewer(db, "staff", other.id);
  viewer = await makeViewer(db, "viewer");
  enterpriseId = (await makeEnterprise(db, team.id)).id;
});
afterAll(() => database?.close());

type Result<T = { id: string; version: number }> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = <T = { id: string; version: number }>(def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result<T>>;

const trip = (extra: Record<string, unknown> = {}) => ({
  direction: "outbound",
  name: `赴深圳招商考察 ${Math.random().toString(36).slice(2, 8)}`,
  leaderName: "徐晓雄",
  leaderTitle: "市长",
  destination: "深圳",
  startsOn: "2027-05-22",
  endsOn: "2027-05-24",
  purpose: "新能源汽车、新型储能",
  ...extra,
});

async function create(who: Viewer = staff, extra: Record<string, unknown> = {}) {
  const result = await run(createDelegation, who, trip(extra));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("delegations", () => {
  it("are created by staff for themselves and their team, audited; viewers are refused", async () => {
    const id = await create();
    const detail = await getDelegation(database.db, staff, id);
    expect(detail?.delegation).toMatchObject({ direction: "outbound", leaderName: "徐晓雄", startsOn: "2027-05-22", ownerId: staff.id, teamId: staff.teamId });
    expect(detail?.canEdit).toBe(true);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "delegation.create")));
    expect(audit).toHaveLength(1);

    const refused = await run(createDelegation, viewer, trip());
    expect(refused).toMatchObject({ ok: false, message: t("errors.forbidden") });
  });

  it("explain bad input next to the field and save nothing", async () => {
    const before = await database.db.$count(delegations);
    const result = await run(createDelegation, staff, trip({ name: "  ", startsOn: "2027-05-24", endsOn: "2027-05-22", direction: "sideways" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.name).toEqual([t("validation.required")]);
    expect(result.fieldErrors?.direction).toBeDefined();
    const dates = await run(createDelegation, staff, trip({ startsOn: "2027-05-24", endsOn: "2027-05-22" }));
    expect(!dates.ok && dates.fieldErrors?.endsOn).toEqual([t("delegations.rules.endsBeforeStart")]);
    expect(await database.db.$count(delegations)).toBe(before);
  });

  it("update over the version the editor saw; a stale edit gets a conflict with the saved values", async () => {
    const id = await create();
    const first = await run(updateDelegation, colleague, { ...trip({ name: "改名一" }), id, version: 1 });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await run(updateDelegation, staff, { ...trip({ name: "改名二" }), id, version: 1 });
    expect(stale).toMatchObject({ ok: false, message: t("errors.conflict"), details: { current: { version: 2, values: { name: "改名一" } } } });
    expect((await getDelegation(database.db, staff, id))?.delegation.name).toBe("改名一");
  });

  it("are edited only by their owner's team; others can read but not change them", async () => {
    const id = await create();
    const refused = await run(updateDelegation, outsider, { ...trip(), id, version: 1 });
    expect(refused).toMatchObject({ ok: false, message: t("errors.forbidden") });
    const seen = await getDelegation(database.db, outsider, id);
    expect(seen?.canEdit).toBe(false);
    expect((await listLinkableDelegations(database.db, outsider, "2027-01-01")).map((d) => d.id)).not.toContain(id);
    expect((await listLinkableDelegations(database.db, colleague, "2027-01-01")).map((d) => d.id)).toContain(id);
    expect(await listLinkableDelegations(database.db, viewer, "2027-01-01")).toEqual([]);
  });

  it("are deleted softly and then leave the list and the page", async () => {
    const id = await create(staff, { startsOn: "2031-03-01", endsOn: "2031-03-02" });
    expect((await listDelegations(database.db, { year: 2031 })).items.map((d) => d.id)).toEqual([id]);
    expect(await run(deleteDelegation, staff, { id, version: 1 })).toMatchObject({ ok: true });
    expect((await listDelegations(database.db, { year: 2031 })).items).toEqual([]);
    expect(await getDelegation(database.db, staff, id)).toBeNull();
    expect(await run(updateDelegation, staff, { ...trip(), id, version: 2 })).toMatchObject({ ok: false, message: t("errors.notFound") });
  });

  it("list newest first, filtered by direction and year, paged by keyset", async () => {
    const ids: string[] = [];
    for (const day of ["2032-01-05", "2032-02-05", "2032-03-05"]) ids.push(await create(staff, { startsOn: day, endsOn: day }));
    await create(staff, { startsOn: "2032-04-05", endsOn: "2032-04-05", direction: "inbound" });
    const outbound = await listDelegations(database.db, { year: 2032, direction: "outbound" });
    expect(outbound.items.map((d) => d.id)).toEqual([...ids].reverse());
    expect(outbound.next).toBeNull();
    expect((await listDelegations(database.db, { year: 2032, direction: "inbound" })).items).toHaveLength(1);
  });
});

describe("members", () => {
  it("are our people by account or guests by name; a name or a person is required", async () => {
    const id = await create();
    expect(await run(addDelegationMember, staff, { delegationId: id, userId: colleague.id, title: "招商专员" })).toMatchObject({ ok: true });
    expect(await run(addDelegationMember, staff, { delegationId: id, name: "关伟", organisation: "肇庆市人民政府", title: "副市长" })).toMatchObject({ ok: true });
    const twice = await run(addDelegationMember, staff, { delegationId: id, userId: colleague.id });
    expect(!twice.ok && twice.fieldErrors?.userId).toEqual([t("delegations.rules.memberAlready")]);
    const nobody = await run(addDelegationMember, staff, { delegationId: id, organisation: "某单位" });
    expect(!nobody.ok && nobody.fieldErrors?.name).toEqual([t("delegations.rules.memberWho")]);

    const members = (await getDelegation(database.db, staff, id))!.members;
    expect(members.map((m) => m.userId ?? m.name)).toEqual([colleague.id, "关伟"]);
    expect(await run(addDelegationMember, outsider, { delegationId: id, name: "X" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(removeDelegationMember, viewer, { id: members[1]!.id })).toMatchObject({ ok: false, message: t("errors.forbidden") });

    expect(await run(removeDelegationMember, staff, { id: members[1]!.id })).toMatchObject({ ok: true });
    expect((await getDelegation(database.db, staff, id))!.members.map((m) => m.userId)).toEqual([colleague.id]);
  });
});

describe("linked enterprises", () => {
  it("link once per pair in a role; re-linking changes the role and revives an unlinked pair", async () => {
    const id = await create();
    const linked = await run<{ id: string }>(linkEnterpriseToDelegation, staff, { delegationId: id, enterpriseId, role: "planned" });
    expect(linked.ok).toBe(true);
    expect(await run(linkEnterpriseToDelegation, staff, { delegationId: id, enterpriseId, role: "visited" })).toMatchObject({ ok: true });
    expect((await getDelegation(database.db, staff, id))!.linked).toMatchObject([{ enterpriseId, role: "visited" }]);

    const linkId = linked.ok ? linked.data.id : "";
    expect(await run(unlinkEnterpriseFromDelegation, staff, { id: linkId })).toMatchObject({ ok: true });
    expect((await getDelegation(database.db, staff, id))!.linked).toEqual([]);
    const again = await run<{ id: string }>(linkEnterpriseToDelegation, colleague, { delegationId: id, enterpriseId, role: "host" });
    expect(again).toMatchObject({ ok: true, data: { id: linkId } });
    const rows = await database.db.select().from(delegationEnterprises).where(eq(delegationEnterprises.delegationId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "host", deletedAt: null });
  });

  it("refuse viewers and people outside the owning team, and unknown enterprises", async () => {
    const id = await create();
    expect(await run(linkEnterpriseToDelegation, viewer, { delegationId: id, enterpriseId, role: "visited" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(linkEnterpriseToDelegation, outsider, { delegationId: id, enterpriseId, role: "visited" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    const missing = await run(linkEnterpriseToDelegation, staff, { delegationId: id, enterpriseId: "00000000-0000-4000-8000-000000000000", role: "visited" });
    expect(!missing.ok && missing.fieldErrors?.enterpriseId).toEqual([t("delegations.rules.enterpriseMissing")]);
    expect((await getDelegation(database.db, staff, id))!.linked).toEqual([]);
  });
});
