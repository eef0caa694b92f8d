import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db";
import { teams } from "@/db/schema";
import { createTeam } from "@/lib/admin/actions/reference-data";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openSecondHandle, openTestDatabase } from "@/test/support/db";
import { makeViewer, t } from "@/test/support/fixtures";
import { announceReferenceChange, followReferenceChanges } from "./cache";
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

describe.runIf(Boolean(inject("dbTemplateUrl")))("reference data kept by several instances", () => {
  it("is read afresh by an instance when another announces a change through the database", async () => {
    // This instance's handle, listening as the app does from its start; the writer is another instance.
    const writer = await openSecondHandle(database);
    const stop = await followReferenceChanges(database);
    try {
      const before = await teamNames();
      await writer.db.insert(teams).values({ code: "other-instance", nameZh: "另一实例", nameEn: "Other instance" });
      expect(await teamNames()).toEqual(before);

      // What an action does when it commits a change to a reference table, on the other instance.
      await writer.db.transaction((tx) => announceReferenceChange(tx));
      const deadline = Date.now() + 5_000;
      while (!(await teamNames()).includes("Other instance") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await teamNames()).toEqual(expect.arrayContaining(["Other instance", ...before]));
    } finally {
      await stop();
      await writer.close();
    }
  });

  it("is not announced by a change that rolls back", async () => {
    const writer = await openSecondHandle(database);
    let heard = 0;
    const listening = await (database.db as unknown as { $client: import("postgres").Sql }).$client.listen("landfall_reference", () => heard++);
    try {
      const rolledBack = writer.db.transaction(async (tx) => {
        await announceReferenceChange(tx);
        throw new Error("the change failed");
      });
      await expect(rolledBack).rejects.toThrow("the change failed");
      await writer.db.transaction((tx) => announceReferenceChange(tx));
      const deadline = Date.now() + 5_000;
      while (heard === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toBe(1);
    } finally {
      await listening.unlisten();
      await writer.close();
    }
  });
});
