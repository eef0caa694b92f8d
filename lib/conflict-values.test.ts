import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { searchColumns } from "@/lib/enterprises/search-index";
import { createEvent } from "@/lib/events/actions/create-event";
import { updateEvent } from "@/lib/events/actions/update-event";
import { logVisit } from "@/lib/visits/actions/log-visit";
import { updateVisit } from "@/lib/visits/actions/update-visit";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";

// Every edit form shows the other person's saved values beside the typed ones
// (components/ui/conflict-panel.tsx): a stale save of an event or a visit answers with them.

let database: Database;
let staff: Viewer, teammate: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  teammate = await makeViewer(database.db, "staff", team.id);
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string } } | { ok: false; message: string; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const created = async (r: Promise<Result>) => {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
};
const uid = () => randomBytes(4).toString("hex");

describe("a stale save carries what the other person saved, as the form shows it", () => {
  it("events", async () => {
    const event = { kind: "docking", nameZh: `冲突测试对接会${uid()}`, startsOn: "2026-05-12", endsOn: "2026-05-13", city: "南京" };
    const id = await created(run(createEvent, staff, event));
    await created(run(updateEvent, teammate, { ...event, id, version: 1, city: "无锡" }));
    expect(await run(updateEvent, staff, { ...event, id, version: 1, venue: "会议中心" })).toMatchObject({
      ok: false,
      message: t("errors.conflict"),
      details: { current: { version: 2, updatedBy: teammate.name, values: { ...event, nameEn: "", city: "无锡", venue: "", host: "", description: "" } } },
    });
  });

  it("visits, with who attended", async () => {
    const name = `冲突测试企业${uid()}`;
    const [enterprise] = await database.db.insert(enterprises).values({ nameZh: name, ...searchColumns({ nameZh: name }) }).returning();
    const visit = { enterpriseId: enterprise!.id, occurredAt: "2026-11-19T10:00", summary: "初次拜访", ours: staff.id };
    const id = await created(run(logVisit, staff, visit));
    await created(run(updateVisit, teammate, { id, version: 1, occurredAt: "2026-11-19T10:30", summary: "补记", ours: [staff.id, teammate.id], theirsNew: "张工" }));
    const stale = await run(updateVisit, staff, { id, version: 1, occurredAt: "2026-11-19T10:00", summary: "过期的修改", ours: staff.id });
    expect(stale).toMatchObject({
      ok: false,
      details: { current: { version: 2, values: { occurredAt: "2026-11-19T10:30", place: "", summary: "补记", outcome: "", theirs: [], theirsNew: "张工" } } },
    });
    const ours = (stale as { details: { current: { values: { ours: string[] } } } }).details.current.values.ours;
    expect(ours.sort()).toEqual([staff.id, teammate.id].sort());
  });
});
