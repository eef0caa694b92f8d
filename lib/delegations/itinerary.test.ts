import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { enterprises, events, itineraryStops } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addItineraryStop } from "./actions/add-stop";
import { cancelItineraryStop } from "./actions/cancel-stop";
import { createDelegation } from "./actions/create-delegation";
import { moveItineraryStop } from "./actions/move-stop";
import { removeItineraryStop } from "./actions/remove-stop";
import { updateItineraryStop } from "./actions/update-stop";
import { getDelegation } from "./queries";
import { stopView } from "./stop-view";

let database: Database;
let staff: Viewer, colleague: Viewer, outsider: Viewer, viewer: Viewer;
let byd: string, haoneng: string, eventId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  staff = await makeViewer(db, "staff", team.id);
  colleague = await makeViewer(db, "staff", team.id);
  outsider = await makeViewer(db, "staff", (await makeTeam(db)).id);
  viewer = await makeViewer(db, "viewer");
  byd = (await makeEnterprise(db, team.id)).id;
  haoneng = (await makeEnterprise(db, team.id)).id;
  const [event] = await db.insert(events).values({ kind: "conference", nameZh: "深圳交流大会", startsOn: "2027-05-23", endsOn: "2027-05-23" }).returning();
  eventId = event!.id;
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

async function delegationWithStops(count: number) {
  const created = await run(createDelegation, staff, { direction: "outbound", name: `行程 ${Math.random()}`, startsOn: "2027-05-22", endsOn: "2027-05-24" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await run(addItineraryStop, staff, { delegationId: created.data.id, date: "2027-05-22", time: `1${i}:00`, place: `站点 ${i + 1}` });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.push(r.data.id);
  }
  return { id: created.data.id, stops: ids };
}
const order = async (id: string) => (await getDelegation(database.db, staff, id))!.stops.map((s) => [s.id, s.position] as const);

describe("itinerary stops", () => {
  it("store the Beijing time entered as UTC and show it back in Beijing time", async () => {
    const { id } = await delegationWithStops(0);
    const r = await run(addItineraryStop, staff, { delegationId: id, date: "2027-05-23", time: "09:30", place: "比亚迪坪山总部", enterpriseId: byd, eventId, note: "座谈" });
    expect(r.ok).toBe(true);
    const [stop] = (await getDelegation(database.db, staff, id))!.stops;
    expect(stop!.startsAt.toISOString()).toBe("2027-05-23T01:30:00.000Z");
    expect(stop).toMatchObject({ position: 1, enterpriseId: byd, eventId, eventNameZh: "深圳交流大会", status: "planned" });
    expect(stopView(stop!, "zh-CN")).toMatchObject({ date: "2027-05-23", time: "09:30", eventName: "深圳交流大会" });
  });

  it("need a place, an enterprise or an event, a valid time, and live records", async () => {
    const { id } = await delegationWithStops(0);
    const nowhere = await run(addItineraryStop, staff, { delegationId: id, date: "2027-05-23", time: "09:30" });
    expect(!nowhere.ok && nowhere.fieldErrors?.place).toEqual([t("delegations.rules.stopWhere")]);
    const badTime = await run(addItineraryStop, staff, { delegationId: id, date: "2027-05-23", time: "25:00", place: "x" });
    expect(!badTime.ok && badTime.fieldErrors?.time).toBeDefined();
    const ghost = await run(addItineraryStop, staff, { delegationId: id, date: "2027-05-23", time: "09:30", eventId: "00000000-0000-4000-8000-000000000000" });
    expect(!ghost.ok && ghost.fieldErrors?.eventId).toEqual([t("delegations.rules.eventMissing")]);
    expect(await order(id)).toEqual([]);
  });

  it("move up and down; positions stay 1..n, and the ends do not move further", async () => {
    const { id, stops } = await delegationWithStops(3);
    const [a, b, c] = stops as [string, string, string];
    expect(await run(moveItineraryStop, staff, { id: c, direction: "up" })).toMatchObject({ ok: true });
    expect(await order(id)).toEqual([[a, 1], [c, 2], [b, 3]]);
    expect(await run(moveItineraryStop, staff, { id: a, direction: "up" })).toMatchObject({ ok: true });
    expect(await run(moveItineraryStop, staff, { id: a, direction: "down" })).toMatchObject({ ok: true });
    expect(await order(id)).toEqual([[c, 1], [a, 2], [b, 3]]);
    expect(await run(moveItineraryStop, outsider, { id: a, direction: "down" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(moveItineraryStop, viewer, { id: a, direction: "down" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
  });

  it("removing a stop closes the gap; a stop logged as a visit cannot be removed", async () => {
    const { id, stops } = await delegationWithStops(3);
    const [a, b, c] = stops as [string, string, string];
    expect(await run(removeItineraryStop, staff, { id: b })).toMatchObject({ ok: true });
    expect(await order(id)).toEqual([[a, 1], [c, 2]]);
    await database.db.update(itineraryStops).set({ status: "done" }).where(eq(itineraryStops.id, a));
    const refused = await run(removeItineraryStop, staff, { id: a });
    expect(!refused.ok && refused.fieldErrors?.id).toEqual([t("delegations.rules.stopDone")]);
  });

  it("cancelling keeps the stop, marked cancelled; only planned stops can be cancelled", async () => {
    const { id, stops } = await delegationWithStops(1);
    expect(await run(cancelItineraryStop, staff, { id: stops[0] })).toMatchObject({ ok: true });
    expect((await getDelegation(database.db, staff, id))!.stops[0]).toMatchObject({ status: "cancelled", position: 1 });
    const again = await run(cancelItineraryStop, staff, { id: stops[0] });
    expect(!again.ok && again.fieldErrors?.id).toEqual([t("delegations.rules.stopNotPlanned")]);
  });

  it("edits over the version the editor saw; a stale edit is a conflict", async () => {
    const { id, stops } = await delegationWithStops(1);
    const edit = { id: stops[0], date: "2027-05-23", time: "15:00", place: "昊能科技", enterpriseId: haoneng };
    expect(await run(updateItineraryStop, staff, { ...edit, version: 1 })).toMatchObject({ ok: true });
    expect(await run(updateItineraryStop, staff, { ...edit, time: "16:00", version: 1 })).toMatchObject({ ok: false, message: t("errors.conflict") });
    const [stop] = (await getDelegation(database.db, staff, id))!.stops;
    expect(stop).toMatchObject({ enterpriseId: haoneng, place: "昊能科技", version: 2 });
    expect(stop!.startsAt.toISOString()).toBe("2027-05-23T07:00:00.000Z");
  });

  it("edited over a stale version: the conflict carries the other person's values, who saved them, and the enterprise's name", async () => {
    const { id, stops } = await delegationWithStops(1);
    const [ulm] = await database.db.select({ nameZh: enterprises.nameZh }).from(enterprises).where(eq(enterprises.id, haoneng));
    const theirs = { id: stops[0], version: 1, date: "2027-01-13", time: "10:00", timeZone: "Europe/Berlin", place: "Ulm", enterpriseId: haoneng, contactName: "Katrin Weber", contactPhone: "+49 731 1234 560" };
    expect(await run(updateItineraryStop, colleague, theirs)).toMatchObject({ ok: true });
    const mine = await run(updateItineraryStop, staff, { id: stops[0], version: 1, date: "2027-01-13", time: "11:00", place: "Ulm Rathaus" });
    expect(mine).toMatchObject({ ok: false, message: t("errors.conflict") });
    const current = (mine as { details: { current: Record<string, unknown> } }).details.current;
    expect(current).toMatchObject({
      version: 2,
      updatedBy: colleague.name,
      values: { date: "2027-01-13", time: "10:00", timeZone: "Europe/Berlin", place: "Ulm", enterpriseId: haoneng, eventId: "", contactName: "Katrin Weber", contactPhone: "+49 731 1234 560", note: "" },
      subjects: { enterprise: { id: haoneng, nameZh: ulm!.nameZh }, event: null },
    });
    // Nothing of the stale edit was written.
    expect((await getDelegation(database.db, staff, id))!.stops[0]).toMatchObject({ place: "Ulm", version: 2 });
  });
});

describe("stops abroad", () => {
  it("take the wall-clock time in the stop's zone: 10:00 in Ulm in winter is 17:00 in Beijing", async () => {
    const { id } = await delegationWithStops(0);
    const r = await run(addItineraryStop, staff, {
      delegationId: id,
      date: "2027-01-13",
      time: "10:00",
      timeZone: "Europe/Berlin",
      place: "Voltaria Batterie GmbH, Ulm",
      contactName: "Katrin Weber",
      contactPhone: "+49 731 1234 560",
    });
    expect(r.ok).toBe(true);
    const [stop] = (await getDelegation(database.db, staff, id))!.stops;
    expect(stop!.startsAt.toISOString()).toBe("2027-01-13T09:00:00.000Z");
    expect(stop).toMatchObject({ timeZone: "Europe/Berlin", contactName: "Katrin Weber", contactPhone: "+49 731 1234 560" });
    const view = stopView(stop!, "zh-CN");
    expect(view).toMatchObject({ date: "2027-01-13", time: "10:00", timeZone: "Europe/Berlin", zone: "CET", beijing: "17:00" });
    expect(view.when).toContain("10:00");
    // In summer the same wall time is CEST, and Beijing is six hours ahead.
    const summer = await run(addItineraryStop, staff, { delegationId: id, date: "2027-07-13", time: "10:00", timeZone: "Europe/Berlin", place: "Ulm" });
    expect(summer.ok).toBe(true);
    expect(stopView((await getDelegation(database.db, staff, id))!.stops[1]!, "en")).toMatchObject({ zone: "CEST", beijing: "16:00" });
  });

  it("in Los Angeles an evening is the next day in Beijing, which the itinerary says", async () => {
    const { id } = await delegationWithStops(0);
    expect(await run(addItineraryStop, staff, { delegationId: id, date: "2027-01-11", time: "20:00", timeZone: "America/Los_Angeles", place: "Los Angeles" })).toMatchObject({ ok: true });
    const [stop] = (await getDelegation(database.db, staff, id))!.stops;
    expect(stop!.startsAt.toISOString()).toBe("2027-01-12T04:00:00.000Z");
    const view = stopView(stop!, "en");
    expect(view).toMatchObject({ date: "2027-01-11", time: "20:00", zone: "PST" });
    expect(view.beijing).toMatch(/Jan 12.*12:00/);
  });

  it("stops at home keep one time, and old callers that send no zone get the bureau's", async () => {
    const { id } = await delegationWithStops(1);
    const [stop] = (await getDelegation(database.db, staff, id))!.stops;
    expect(stop).toMatchObject({ timeZone: "Asia/Shanghai", contactName: null, contactPhone: null });
    expect(stopView(stop!, "zh-CN")).toMatchObject({ zone: null, beijing: null });
  });

  it("refuse, at the field and changing nothing: an unknown zone, a time the clocks skip, a phone that is not one, a contact name too long", async () => {
    const { id } = await delegationWithStops(0);
    const base = { delegationId: id, date: "2027-03-28", time: "10:00", timeZone: "Europe/Berlin", place: "Ulm" };
    const zone = await run(addItineraryStop, staff, { ...base, timeZone: "Mars/Olympus_Mons" });
    expect(!zone.ok && zone.fieldErrors?.timeZone).toEqual([t("validation.invalid")]);
    const skipped = await run(addItineraryStop, staff, { ...base, time: "02:30" });
    expect(!skipped.ok && skipped.fieldErrors?.time).toEqual([t("delegations.rules.timeSkipped")]);
    const phone = await run(addItineraryStop, staff, { ...base, contactPhone: "call Katrin" });
    expect(!phone.ok && phone.fieldErrors?.contactPhone).toEqual([t("validation.invalid")]);
    const name = await run(addItineraryStop, staff, { ...base, contactName: "K".repeat(101) });
    expect(!name.ok && name.fieldErrors?.contactName).toEqual([t("validation.tooLong")]);
    expect(await order(id)).toEqual([]);
    // The same rules hold for an edit.
    const ok = await run(addItineraryStop, staff, base);
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    const edit = await run(updateItineraryStop, staff, { ...base, id: ok.data.id, version: 1, time: "02:15" });
    expect(!edit.ok && edit.fieldErrors?.time).toEqual([t("delegations.rules.timeSkipped")]);
    expect((await getDelegation(database.db, staff, id))!.stops[0]).toMatchObject({ version: 1 });
  });
});
