import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { teams } from "@/db/schema";
import { createTeam } from "@/lib/admin/actions/reference-data";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeViewer, t } from "@/test/support/fixtures";
import { listTeams } from "./queries";

let database: Database;
let admin: Viewer;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await makeViewer(database.db, "admin");
});
afterAll(() => database?.close());

const teamNames = async () => (await listTeams(database.db)).map((team) => team.nameEn);

describe("reference data kept per process", () => {
  it("is read once, and a change made through the app shows at once", async () => {
    const before = await teamNames();
    // A row written behind the app's back is not read again while the kept list is fresh…
    await database.db.insert(teams).values({ code: "written-behind", nameZh: "背后", nameEn: "Written behind" });
    expect(await teamNames()).toEqual(before);

    // …but an administrator's change, committed through the action wrapper, is read at once.
    const created = await runAction(createTeam.definition as never, { viewer: admin, db: database.db, t }, { code: "nev-2", nameZh: "新能源二组", nameEn: "NEV 2" });
    expect(created).toMatchObject({ ok: true });
    expect(await teamNames()).toEqual(expect.arrayContaining(["NEV 2", "Written behind", ...before]));
  });

  it("a failed action changes nothing and keeps the list", async () => {
    const before = await teamNames();
    const refused = await runAction(createTeam.definition as never, { viewer: admin, db: database.db, t }, { code: "nev-2", nameZh: "重复", nameEn: "Duplicate" });
    expect(refused).toMatchObject({ ok: false });
    expect(await teamNames()).toEqual(before);
  });
});
