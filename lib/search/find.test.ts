import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { events, searchEntries } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addContact } from "@/lib/contacts/actions/add-contact";
import { createDelegation } from "@/lib/delegations/actions/create-delegation";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { createEvent } from "@/lib/events/actions/create-event";
import { deleteEvent } from "@/lib/events/actions/delete-event";
import { updateEvent } from "@/lib/events/actions/update-event";
import { createProject } from "@/lib/projects/actions/create-project";
import { logVisit } from "@/lib/visits/actions/log-visit";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { makeTwoTeams, type TwoTeams } from "@/test/support/two-teams";
import { backfillSearchEntries } from "./entries";
import { searchEverything } from "./find";

let database: Database;
let teams: TwoTeams;
// A tag no other test's rows share, so counts are exact on a shared server database.
const tag = `搜${Math.random().toString(36).slice(2, 6)}`;
const ids: Record<string, string> = {};

type Result = { ok: true; data: { id: string; version?: number } } | { ok: false; message: string; fieldErrors?: unknown };
const run = async (def: { definition: unknown }, who: Viewer, input: Record<string, unknown> | FormData) => {
  const r = (await runAction(def.definition as never, { viewer: who, db: database.db, t }, input)) as Result;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const kinds = async (who: Viewer, q: string) => (await searchEverything(database.db, who, q, "zh-CN")).map((h) => `${h.kind}:${h.title}`).sort();

beforeAll(async () => {
  database = await openTestDatabase();
  teams = await makeTwoTeams(database.db);
  const { staffA } = teams.people;
  ids.enterprise = (await run(createEnterprise, staffA, { nameZh: `比亚迪${tag}汽车`, nameEn: `Byd${tag} Auto`, confirmSimilar: "1" })).id;
  ids.contact = (await run(addContact, staffA, { enterpriseId: ids.enterprise, name: `王传福${tag}`, title: "董事长" })).id;
  ids.secret = (await run(createProject, staffA, { enterpriseId: ids.enterprise, name: `刀片电池${tag}项目`, confidential: "on" })).id;
  ids.open = (await run(createProject, staffA, { enterpriseId: ids.enterprise, name: `储能${tag}项目` })).id;
  ids.event = (await run(createEvent, staffA, { kind: "docking", nameZh: `深圳推介会${tag}`, startsOn: "2026-05-12", endsOn: "2026-05-12" })).id;
  ids.delegation = (await run(createDelegation, staffA, { direction: "outbound", name: `赴德招商团${tag}`, destination: "Ulm", startsOn: "2027-05-22", endsOn: "2027-05-24" })).id;
  const visit = new FormData();
  for (const [k, v] of [["enterpriseId", ids.enterprise!], ["occurredAt", "2026-11-20T14:30"], ["place", `坪山${tag}总部`], ["summary", "座谈"]] as const) visit.append(k, v);
  ids.visit = (await run(logVisit, staffA, visit)).id;
});
afterAll(() => database?.close());

describe("the one search box", () => {
  it("finds every kind of record by its own names, grouped by kind, projects and visits also by their enterprise's names", async () => {
    const { staffA } = teams.people;
    expect(await kinds(staffA, tag)).toEqual(
      [
        `enterprise:比亚迪${tag}汽车`,
        `contact:王传福${tag}`,
        `project:刀片电池${tag}项目`,
        `project:储能${tag}项目`,
        `event:深圳推介会${tag}`,
        `delegation:赴德招商团${tag}`,
        `visit:比亚迪${tag}汽车`,
      ].sort(),
    );
    // Two Chinese characters, and a Latin prefix in any case.
    // An enterprise is found by its contacts' names too (as in the enterprise list).
    expect(await kinds(staffA, `王传 ${tag}`)).toEqual(expect.arrayContaining([`contact:王传福${tag}`, `enterprise:比亚迪${tag}汽车`]));
    expect(await kinds(staffA, `推介 ${tag}`)).toEqual([`event:深圳推介会${tag}`]);
    expect(await kinds(staffA, `ULM ${tag}`)).toEqual([`delegation:赴德招商团${tag}`]);
    expect(await kinds(staffA, `坪山 ${tag}`)).toEqual([`visit:比亚迪${tag}汽车`]);
    const contact = (await searchEverything(database.db, staffA, `王传 ${tag}`, "en")).find((h) => h.kind === "contact");
    expect(contact).toMatchObject({ href: `/enterprises/${ids.enterprise}#contacts`, detail: `Byd${tag} Auto`, tag: "董事长" });
  });

  it("never shows a confidential project to someone who may not see it", async () => {
    const { staffB, managerB, managerA, admin } = teams.people;
    for (const who of [staffB, managerB]) {
      const hits = await kinds(who, tag);
      expect(hits).not.toContain(`project:刀片电池${tag}项目`);
      expect(hits).toContain(`project:储能${tag}项目`);
    }
    for (const who of [managerA, admin]) expect(await kinds(who, `刀片 ${tag}`)).toEqual([`project:刀片电池${tag}项目`]);
  });

  it("follows edits and deletions in the same transaction", async () => {
    const { staffA } = teams.people;
    await run(updateEvent, staffA, { id: ids.event, version: 1, kind: "docking", nameZh: `溧水对接会${tag}`, startsOn: "2026-05-12", endsOn: "2026-05-12" });
    expect(await kinds(staffA, `推介 ${tag}`)).toEqual([]);
    expect(await kinds(staffA, `对接 ${tag}`)).toEqual([`event:溧水对接会${tag}`]);
    await run(deleteEvent, staffA, { id: ids.event, version: 2 });
    expect(await kinds(staffA, `对接 ${tag}`)).toEqual([]);
    expect(await database.db.select().from(searchEntries).where(eq(searchEntries.recordId, ids.event!))).toEqual([]);
  });

  it("fills in entries for records written outside the actions", async () => {
    const { staffA } = teams.people;
    await database.db.insert(events).values({ kind: "forum", nameZh: `友城论坛${tag}`, startsOn: "2026-06-01", endsOn: "2026-06-01", ownerId: staffA.id, teamId: teams.teamA });
    expect(await kinds(staffA, `友城 ${tag}`)).toEqual([]);
    expect(await backfillSearchEntries(database.db)).toBeGreaterThanOrEqual(1);
    expect(await kinds(staffA, `友城 ${tag}`)).toEqual([`event:友城论坛${tag}`]);
    expect(await backfillSearchEntries(database.db)).toBe(0);
  });

  it("has nothing to find in punctuation or an empty query", async () => {
    expect(await searchEverything(database.db, teams.people.staffA, " ,.% ", "zh-CN")).toEqual([]);
  });
});
