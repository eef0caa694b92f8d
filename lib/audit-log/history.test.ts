import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createProject } from "@/lib/projects/actions/create-project";
import { updateProject } from "@/lib/projects/actions/update-project";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { makeTwoTeams, type TwoTeams } from "@/test/support/two-teams";
import { listRecordHistory } from "./history";

let database: Database;
let teams: TwoTeams;
let openId: string, secretId: string;

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const ok = (r: Result) => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

beforeAll(async () => {
  database = await openTestDatabase();
  teams = await makeTwoTeams(database.db);
  const { staffA } = teams.people;
  const enterpriseId = (await makeEnterprise(database.db, teams.teamA)).id;
  openId = ok(await run(createProject, staffA, { enterpriseId, name: "正极材料项目", plannedAmount: "2", plannedUnit: "yi" })).id;
  ok(await run(updateProject, staffA, { id: openId, version: 1, name: "正极材料二期项目", plannedAmount: "3", plannedUnit: "yi", status: "active" }));
  secretId = ok(await run(createProject, staffA, { enterpriseId, name: "保密项目", confidential: "on" })).id;
});
afterAll(() => database?.close());

describe("a record's history on its page", () => {
  it("shows who changed what, newest first, to anyone who may see the record", async () => {
    for (const who of [teams.people.staffB, teams.people.managerA, teams.people.admin]) {
      const history = await listRecordHistory(database.db, who, "project", openId);
      expect(history?.map((e) => e.action)).toEqual(["project.update", "project.create"]);
      const edit = history![0]!;
      expect(edit.actor).toBe(teams.people.staffA.name);
      expect(edit.changes).toContainEqual({ field: "name", before: "正极材料项目", after: "正极材料二期项目" });
      expect(edit.changes.map((c) => c.field)).not.toContain("version");
    }
  });

  it("is not there for someone who may not see the record, as for one that does not exist", async () => {
    expect(await listRecordHistory(database.db, teams.people.staffB, "project", secretId)).toBeNull();
    expect(await listRecordHistory(database.db, teams.people.managerB, "project", secretId)).toBeNull();
    expect(await listRecordHistory(database.db, teams.people.staffB, "project", "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect((await listRecordHistory(database.db, teams.people.managerA, "project", secretId))?.map((e) => e.action)).toEqual(["project.create"]);
  });
});
