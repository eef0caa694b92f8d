import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, delegationMembers, enterprises, projects, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addItineraryStop } from "@/lib/delegations/actions/add-stop";
import { cancelItineraryStop } from "@/lib/delegations/actions/cancel-stop";
import { createDelegation } from "@/lib/delegations/actions/create-delegation";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { revokeFeedToken } from "./actions/revoke-feed-token";
import { rotateFeedToken } from "./actions/rotate-feed-token";
import { feedEntries } from "./entries";
import { getFeedToken, loadFeed, viewerByFeedToken } from "./feed";
import { buildCalendar, foldLine } from "./ics";

let database: Database;
let leader: Viewer, member: Viewer, stranger: Viewer;
let enterpriseId: string;
const since = new Date("2027-01-01T00:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  leader = await makeViewer(db, "staff", team.id);
  member = await makeViewer(db, "viewer");
  stranger = await makeViewer(db, "staff", team.id);
  enterpriseId = (await makeEnterprise(db, team.id)).id;
  await db.update(enterprises).set({ nameZh: "比亚迪股份有限公司", nameEn: "BYD Co., Ltd." }).where(eq(enterprises.id, enterpriseId));
});
afterAll(() => database?.close());

type Result = { ok: true; data: Record<string, unknown> & { id: string } } | { ok: false; message: string };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const ok = async (p: Promise<Result>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};

/** What a calendar app would see: the feed text parsed by ical.js. */
async function feedFor(who: Viewer) {
  const feed = await loadFeed(database.db, who, since);
  const text = buildCalendar({ name: "Landfall", entries: feedEntries(feed, { locale: "en", origin: "http://localhost", host: "localhost", t: (key, v) => (key === "stopSummary" ? `${v?.delegation}: ${v?.subject}` : `Follow-up: ${v?.title}`) }) });
  const cal = new ICAL.Component(ICAL.parse(text));
  return { text, events: cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)) };
}

describe("calendar feed", () => {
  it("holds the stops of the person's delegations (owner or member) and their open follow-ups, as valid iCalendar", async () => {
    const d = await ok(run(createDelegation, leader, { direction: "outbound", name: "赴深圳招商考察, 2027; 第一站", startsOn: "2027-05-22", endsOn: "2027-05-24" }));
    await database.db.insert(delegationMembers).values({ delegationId: d.id, userId: member.id });
    await ok(run(addItineraryStop, leader, { delegationId: d.id, date: "2027-05-23", time: "09:30", place: "比亚迪坪山总部", enterpriseId, note: "座谈\n带上材料" }));
    const dropped = await ok(run(addItineraryStop, leader, { delegationId: d.id, date: "2027-05-24", time: "10:00", place: "冠旭电子" }));
    await ok(run(cancelItineraryStop, leader, { id: dropped.id }));
    await ok(run(createFollowUp, leader, { enterpriseId, title: "寄送园区资料", kind: "materials", dueOn: "2027-06-01" }));

    const { text, events } = await feedFor(leader);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const stop = events.find((e) => e.location === "比亚迪坪山总部")!;
    expect(stop.summary).toBe("赴深圳招商考察, 2027; 第一站: BYD Co., Ltd.");
    expect(stop.description).toBe("座谈\n带上材料");
    expect(stop.startDate.toJSDate().toISOString()).toBe("2027-05-23T01:30:00.000Z");
    expect(stop.endDate.toJSDate().toISOString()).toBe("2027-05-23T02:30:00.000Z");
    expect(events.some((e) => e.location === "冠旭电子")).toBe(false);
    const task = events.find((e) => e.summary === "Follow-up: 寄送园区资料")!;
    expect(task.startDate.isDate).toBe(true);
    expect(task.startDate.toString()).toBe("2027-06-01");

    // A member sees the stop but not the leader's follow-up; someone else sees neither.
    const memberFeed = await feedFor(member);
    expect(memberFeed.events.map((e) => e.location)).toEqual(["比亚迪坪山总部"]);
    expect((await feedFor(stranger)).events).toEqual([]);
  });

  it("leaves out follow-ups about confidential projects the person can no longer see", async () => {
    const [project] = await database.db.insert(projects).values({ enterpriseId, name: "保密项目", confidential: true, ownerId: leader.id, teamId: leader.teamId }).returning();
    await ok(run(createFollowUp, leader, { enterpriseId, projectId: project!.id, title: "保密跟进", dueOn: "2027-06-02" }));
    expect((await feedFor(leader)).events.some((e) => e.summary === "Follow-up: 保密跟进")).toBe(true);
    await database.db.update(projects).set({ ownerId: stranger.id }).where(eq(projects.id, project!.id));
    expect((await feedFor(leader)).events.some((e) => e.summary === "Follow-up: 保密跟进")).toBe(false);
  });

  it("opens with a secret token; a new link replaces the old one, and a revoked token opens nothing", async () => {
    expect(await getFeedToken(database.db, member)).toBeNull();
    const { token } = (await ok(run(rotateFeedToken, member, {}))) as unknown as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await viewerByFeedToken(database.db, token))?.id).toBe(member.id);

    const { token: next } = (await ok(run(rotateFeedToken, member, {}))) as unknown as { token: string };
    expect(next).not.toBe(token);
    expect(await viewerByFeedToken(database.db, token)).toBeNull();

    await ok(run(revokeFeedToken, member, {}));
    expect(await viewerByFeedToken(database.db, next)).toBeNull();
    expect(await getFeedToken(database.db, member)).toBeNull();

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, member.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["calendar.token.revoke", "calendar.token.rotate", "calendar.token.rotate"]);
    expect(JSON.stringify(audit)).not.toContain(next);
  });

  it("a deactivated person's token opens nothing", async () => {
    const { token } = (await ok(run(rotateFeedToken, stranger, {}))) as unknown as { token: string };
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, stranger.id));
    expect(await viewerByFeedToken(database.db, token)).toBeNull();
  });
});

describe("iCalendar text", () => {
  it("escapes commas, semicolons, backslashes and newlines and folds long lines on character boundaries", () => {
    const text = buildCalendar({
      name: "x",
      now: new Date("2027-01-01T00:00:00Z"),
      entries: [{ kind: "timed", uid: "a@x", start: new Date("2027-05-23T01:30:00Z"), end: new Date("2027-05-23T02:30:00Z"), summary: "a,b;c\\d\ne", location: "深".repeat(40) }],
    });
    expect(text).toContain("SUMMARY:a\\,b\\;c\\\\d\\ne\r\n");
    expect(text).toContain("DTSTART:20270523T013000Z\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("a,b;c\\d\ne");
    expect(event.location).toBe("深".repeat(40));
    expect(foldLine("x".repeat(80)).split("\r\n ")).toEqual(["x".repeat(75), "x".repeat(5)]);
  });
});
