import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { deleteView } from "./actions/delete-view";
import { saveView } from "./actions/save-view";
import { listSavedViews } from "./queries";

let database: Database;
let staff: Viewer;
let teammate: Viewer;
let manager: Viewer;
let otherTeam: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const nev = await makeTeam(database.db);
  const storage = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", nev.id);
  teammate = await makeViewer(database.db, "viewer", nev.id);
  manager = await makeViewer(database.db, "manager", nev.id);
  otherTeam = await makeViewer(database.db, "staff", storage.id);
});
afterAll(() => database?.close());

const save = (who: Viewer, input: Record<string, unknown>) => runAction(saveView.definition, { viewer: who, db: database.db, t }, { screen: "enterprises", ...input });
const names = async (who: Viewer) => (await listSavedViews(database.db, who, "enterprises")).map((v) => v.name).sort();

describe("saved views", () => {
  it("are personal unless a manager shares one with the team", async () => {
    expect((await save(staff, { name: "My Italian leads", query: "?country=IT&sort=name" })).ok).toBe(true);
    expect((await save(manager, { name: "Team NEV chain", query: "chain=x", share: "on" })).ok).toBe(true);
    expect(await names(staff)).toEqual(["My Italian leads", "Team NEV chain"]);
    expect(await names(teammate)).toEqual(["Team NEV chain"]);
    expect(await names(otherTeam)).toEqual([]);
    const [mine] = await listSavedViews(database.db, staff, "enterprises");
    expect(mine?.query).toBe("country=IT&sort=name");
  });

  it("refuses sharing by staff, and an empty name, writing nothing", async () => {
    expect(await save(staff, { name: "Shared?", query: "", share: "on" })).toMatchObject({
      ok: false,
      fieldErrors: { share: ["Only a manager with a team can share a view."] },
    });
    expect(await save(staff, { name: "  ", query: "" })).toMatchObject({ ok: false, fieldErrors: { name: ["This field is required."] } });
    expect(await names(staff)).toEqual(["My Italian leads", "Team NEV chain"]);
  });

  it("can be deleted only by the person who saved them", async () => {
    const shared = (await listSavedViews(database.db, staff, "enterprises")).find((v) => v.name === "Team NEV chain")!;
    expect(await runAction(deleteView.definition, { viewer: staff, db: database.db, t }, { id: shared.id })).toMatchObject({ ok: false });
    expect(await runAction(deleteView.definition, { viewer: manager, db: database.db, t }, { id: shared.id })).toEqual({ ok: true, data: null });
    expect(await names(teammate)).toEqual([]);
  });
});
