import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import {
  delegationEnterprises,
  delegations,
  eventParticipants,
  events,
  followUps,
  itineraryStops,
  projects,
  stageChanges,
  visits,
} from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addContact } from "@/lib/contacts/actions/add-contact";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createEnterprise } from "./actions/create-enterprise";
import { updateEnterprise } from "./actions/update-enterprise";
import { listEnterpriseContacts, listEnterpriseDelegations, listEnterpriseEvents, listEnterpriseProjects } from "./detail-queries";
import { listEnterpriseTimeline, type TimelineItem } from "./timeline";

let database: Database;
let owner: Viewer; // staff who owns the confidential project
let manager: Viewer; // manager of the project's team
let admin: Viewer;
let outsider: Viewer; // staff of another team
let reader: Viewer; // viewer role
let enterpriseId: string;
let otherEnterpriseId: string;

const at = (iso: string) => new Date(iso);

async function create(input: Record<string, unknown>) {
  const r = await runAction(createEnterprise.definition, { viewer: owner, db: database.db, t }, input);
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  owner = await makeViewer(db, "staff", team.id);
  manager = await makeViewer(db, "manager", team.id);
  admin = await makeViewer(db, "admin");
  outsider = await makeViewer(db, "staff", other.id);
  reader = await makeViewer(db, "viewer");
  enterpriseId = await create({ nameZh: "时间线测试电池有限公司" });
  otherEnterpriseId = await create({ nameZh: "无关测试企业有限公司" });

  const ctx = { viewer: owner, db, t };
  expect((await runAction(updateEnterprise.definition, ctx, { id: enterpriseId, version: 1, nameZh: "时间线测试电池有限公司", city: "肇庆" })).ok).toBe(true);
  expect((await runAction(addContact.definition, ctx, { enterpriseId, name: "林芳" })).ok).toBe(true);

  const [event] = await db.insert(events).values({ kind: "docking", nameZh: "溧水对接会", nameEn: "Lishui docking meeting", startsOn: "2023-06-01", endsOn: "2023-06-02" }).returning();
  await db.insert(eventParticipants).values({ eventId: event!.id, enterpriseId, role: "speaker" });
  const [trip] = await db.insert(delegations).values({ direction: "outbound", name: "市长深圳行", startsOn: "2023-05-22", endsOn: "2023-05-24" }).returning();
  await db.insert(delegationEnterprises).values({ delegationId: trip!.id, enterpriseId, role: "visited" });
  const [visit] = await db
    .insert(visits)
    .values({ enterpriseId, occurredAt: at("2023-05-23T01:30:00Z"), place: "坪山总部", summary: "座谈产能规划", ownerId: owner.id, teamId: team.id })
    .returning();
  await db.insert(itineraryStops).values([
    { delegationId: trip!.id, position: 1, startsAt: at("2023-05-23T01:30:00Z"), enterpriseId, status: "done", visitId: visit!.id },
    { delegationId: trip!.id, position: 2, startsAt: at("2023-05-24T06:00:00Z"), enterpriseId, place: "研发中心", status: "planned" },
  ]);
  await db.insert(visits).values({ enterpriseId: otherEnterpriseId, occurredAt: at("2023-05-25T00:00:00Z"), summary: "另一家企业" });

  const [open, secret] = await db
    .insert(projects)
    .values([
      { enterpriseId, name: "公开电池项目", stage: "negotiating", ownerId: owner.id, teamId: team.id },
      { enterpriseId, name: "保密储能项目", stage: "lead", confidential: true, ownerId: owner.id, teamId: team.id },
    ])
    .returning();
  await db.insert(stageChanges).values([
    { projectId: open!.id, toStage: "lead", changedAt: at("2023-05-10T02:00:00Z"), changedBy: owner.id },
    { projectId: open!.id, fromStage: "lead", toStage: "negotiating", changedAt: at("2023-06-10T02:00:00Z"), changedBy: owner.id },
    { projectId: secret!.id, toStage: "lead", changedAt: at("2023-06-11T02:00:00Z"), changedBy: owner.id },
  ]);
  await db.insert(followUps).values([
    { enterpriseId, title: "寄送园区资料", kind: "materials", dueOn: "2023-06-05", status: "done", completedAt: at("2023-06-04T08:00:00Z"), assigneeId: owner.id, createdAt: at("2023-05-24T00:00:00Z") },
    { enterpriseId, projectId: secret!.id, title: "保密项目跟进", dueOn: "2023-06-20", createdAt: at("2023-06-12T00:00:00Z") },
  ]);
});
afterAll(() => database?.close());

async function all(who: Viewer, limit = 100) {
  const items: TimelineItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { items: rows, next }: { items: TimelineItem[]; next: string | null } = await listEnterpriseTimeline(database.db, who, enterpriseId, { after, limit });
    items.push(...rows);
    if (!next) break;
    after = next;
  }
  return items;
}

const brief = (items: TimelineItem[]) => items.map((i) => `${i.kind}:${i.titleZh ?? i.meta.action}`);

describe("enterprise timeline", () => {
  it("merges everything that happened with the enterprise, newest first", async () => {
    const items = await all(admin);
    expect(items.map((i) => i.at.getTime())).toEqual([...items.map((i) => i.at.getTime())].sort((a, b) => b - a));
    // The three edits were made just now; the rest in 2023.
    expect(brief(items.slice(3))).toEqual([
      "followUp:保密项目跟进",
      "stage:保密储能项目",
      "stage:公开电池项目",
      "followUp:寄送园区资料",
      "event:溧水对接会",
      "stop:市长深圳行",
      "visit:坪山总部",
      "delegation:市长深圳行",
      "stage:公开电池项目",
    ]);
    expect(items.slice(0, 3).map((i) => i.meta.action).sort()).toEqual(["contact.add", "enterprise.create", "enterprise.update"]);
    expect(items.find((i) => i.kind === "event")).toMatchObject({ titleEn: "Lishui docking meeting", meta: { role: "speaker", startsOn: "2023-06-01" } });
    // The stop that became a visit is told once, by the visit; the other visit is another enterprise's.
    expect(items.filter((i) => i.kind === "visit" || i.kind === "stop")).toHaveLength(2);
  });

  it("says who edited and which fields changed", async () => {
    const edits = (await all(reader)).filter((i) => i.kind === "edit");
    expect(edits.find((i) => i.meta.action === "enterprise.update")).toMatchObject({ actorName: owner.name, meta: { fields: ["city"] } });
    expect(edits.find((i) => i.meta.action === "contact.add")).toMatchObject({ titleZh: "林芳", meta: { entityType: "contact", fields: [] } });
  });

  it("shows a confidential project's stage changes and follow-ups only to its owner, its team's managers and admins", async () => {
    const secretItems = (items: TimelineItem[]) => brief(items).filter((s) => s.includes("保密"));
    for (const who of [owner, manager, admin]) {
      expect(secretItems(await all(who))).toHaveLength(2);
      expect((await listEnterpriseProjects(database.db, who, enterpriseId)).map((p) => p.name).sort()).toEqual(["保密储能项目", "公开电池项目"]);
    }
    for (const who of [outsider, reader]) {
      expect(secretItems(await all(who))).toEqual([]);
      expect((await listEnterpriseProjects(database.db, who, enterpriseId)).map((p) => p.name)).toEqual(["公开电池项目"]);
    }
  });

  it("pages by keyset without gaps or repeats, and reads a tampered cursor as the first page", async () => {
    const whole = await all(admin);
    const paged = await all(admin, 2);
    expect(paged.map((i) => i.key)).toEqual(whole.map((i) => i.key));
    expect(new Set(paged.map((i) => i.key)).size).toBe(paged.length);

    const first = await listEnterpriseTimeline(database.db, admin, enterpriseId, { limit: 3 });
    const tampered = await listEnterpriseTimeline(database.db, admin, enterpriseId, { limit: 3, after: "eyJhdCI6IjsgZHJvcCB0YWJsZSJ9" });
    expect(tampered.items.map((i) => i.key)).toEqual(first.items.map((i) => i.key));
  });

  it("is empty for an enterprise with no history", async () => {
    const { items, next } = await listEnterpriseTimeline(database.db, reader, "00000000-0000-4000-8000-000000000000");
    expect(items).toEqual([]);
    expect(next).toBeNull();
  });
});

describe("enterprise page reads", () => {
  it("lists linked events, delegations (linked or with a stop there) and live contacts", async () => {
    expect(await listEnterpriseEvents(database.db, enterpriseId)).toMatchObject([{ nameZh: "溧水对接会", role: "speaker", startsOn: "2023-06-01" }]);
    expect(await listEnterpriseDelegations(database.db, enterpriseId)).toMatchObject([{ name: "市长深圳行", role: "visited", stops: 2, direction: "outbound" }]);
    const [trip] = await database.db.insert(delegations).values({ direction: "inbound", name: "使节团来访", startsOn: "2024-03-01", endsOn: "2024-03-02" }).returning();
    await database.db.insert(itineraryStops).values({ delegationId: trip!.id, position: 1, startsAt: at("2024-03-01T02:00:00Z"), enterpriseId });
    expect((await listEnterpriseDelegations(database.db, enterpriseId)).map((d) => [d.name, d.role, d.stops])).toEqual([
      ["使节团来访", null, 1],
      ["市长深圳行", "visited", 2],
    ]);
    expect(await listEnterpriseDelegations(database.db, otherEnterpriseId)).toEqual([]);
    expect((await listEnterpriseContacts(database.db, enterpriseId)).map((c) => c.name)).toEqual(["林芳"]);
  });
});
