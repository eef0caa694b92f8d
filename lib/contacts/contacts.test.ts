import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, contacts, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addContact } from "./actions/add-contact";
import { removeContact } from "./actions/remove-contact";
import { updateContact } from "./actions/update-contact";

let database: Database;
let staff: Viewer;
let teammate: Viewer;
let otherStaff: Viewer;
let viewer: Viewer;
let enterpriseId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  teammate = await makeViewer(database.db, "staff", team.id);
  otherStaff = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
  viewer = await makeViewer(database.db, "viewer");
  const created = await runAction(createEnterprise.definition, { viewer: staff, db: database.db, t }, { nameEn: "Contact Test Brakes" });
  if (!created.ok) throw new Error(created.message);
  enterpriseId = created.data.id;
});
afterAll(() => database?.close());

const rt = (who: Viewer) => ({ viewer: who, db: database.db, t });
const add = (who: Viewer, input: Record<string, unknown>) => runAction(addContact.definition, rt(who), { enterpriseId, ...input });
const edit = (who: Viewer, input: Record<string, unknown>) => runAction(updateContact.definition, rt(who), input);
const remove = (who: Viewer, input: Record<string, unknown>) => runAction(removeContact.definition, rt(who), input);

const terms = async () => (await database.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)))[0]!.searchTerms;
const contact = async (id: string) => (await database.db.select().from(contacts).where(eq(contacts.id, id)))[0]!;
const audits = async (id: string) =>
  (await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, "contact"), eq(auditLog.entityId, id))))[0]!.n;

async function added(input: Record<string, unknown>) {
  const result = await add(staff, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("contacts", () => {
  it("adds a contact whose name the enterprise can then be found by, with an audit row", async () => {
    const result = await add(teammate, { name: " Giulia Rossi ", title: "Sales director", email: "giulia@brakes.example", phone: "+39 035 0000 0001" });
    expect(result).toMatchObject({ ok: true, data: { enterpriseId } });
    if (!result.ok) return;
    expect(await contact(result.data.id)).toMatchObject({ name: "Giulia Rossi", title: "Sales director", wechat: null, createdBy: teammate.id, version: 1 });
    expect(await terms()).toEqual(expect.arrayContaining(["giulia", "rossi"]));
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(audit).toMatchObject({ action: "contact.add", actorId: teammate.id, before: null, after: { name: "Giulia Rossi" } });
  });

  it("explains bad input next to the field and adds nothing", async () => {
    const before = (await database.db.select({ n: count() }).from(contacts))[0]!.n;
    const bad = await add(staff, { name: "  ", email: "not-an-address", phone: "call me" });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        name: ["This field is required."],
        email: ["This value is not valid."],
        phone: ["This value is not valid."],
      },
    });
    expect((await database.db.select({ n: count() }).from(contacts))[0]!.n).toBe(before);
  });

  it("refuses viewers and other teams' staff, and answers an unknown enterprise as not found", async () => {
    expect(await add(viewer, { name: "Intruder" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await add(otherStaff, { name: "Intruder" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await add(staff, { name: "Nobody", enterpriseId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      ok: false,
      message: "This record does not exist or you cannot see it.",
    });
    const id = await added({ name: "Protected Person" });
    expect(await edit(otherStaff, { id, version: 1, name: "Renamed" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await remove(otherStaff, { id, version: 1 })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await contact(id)).toMatchObject({ name: "Protected Person", deletedAt: null, version: 1 });
  });

  it("edits over the loaded version, clears emptied fields and re-indexes a new name", async () => {
    const id = await added({ name: "Marco Bianchi", wechat: "marco_b", notes: "Prefers mornings" });
    const result = await edit(staff, { id, version: 1, name: "Marco Verdi", wechat: "", notes: "Prefers mornings" });
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await contact(id)).toMatchObject({ name: "Marco Verdi", wechat: null, notes: "Prefers mornings", updatedBy: staff.id });
    const now = await terms();
    expect(now).toEqual(expect.arrayContaining(["verdi"]));
    expect(now).not.toContain("bianchi");
  });

  it("answers a stale edit with a conflict carrying the saved values, keeping the first change", async () => {
    const id = await added({ name: "Luca Neri", phone: "+39 02 0000 0002" });
    expect((await edit(teammate, { id, version: 1, name: "Luca Neri", phone: "+39 02 0000 0003" })).ok).toBe(true);
    const late = await edit(staff, { id, version: 1, name: "Luca Neri", phone: "+39 02 0000 0009" });
    expect(late).toMatchObject({
      ok: false,
      message: "Someone else changed this record while you were editing it.",
      details: { current: { version: 2, updatedBy: teammate.name, values: { name: "Luca Neri", phone: "+39 02 0000 0003", email: "" } } },
    });
    expect((await contact(id)).phone).toBe("+39 02 0000 0003");
    expect(await remove(staff, { id, version: 1 })).toMatchObject({ ok: false, message: "Someone else changed this record while you were editing it." });
    expect((await contact(id)).deletedAt).toBeNull();
  });

  it("removes softly: the row stays for the record, leaves search, and cannot be removed twice", async () => {
    const id = await added({ name: "Sofia Gallo" });
    expect(await terms()).toContain("gallo");
    expect(await remove(staff, { id, version: 1 })).toMatchObject({ ok: true, data: { id, enterpriseId } });
    const row = await contact(id);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.name).toBe("Sofia Gallo");
    expect(await terms()).not.toContain("gallo");
    expect(await audits(id)).toBe(2);
    expect(await remove(staff, { id, version: 2 })).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
    expect(await edit(staff, { id, version: 2, name: "Back Again" })).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
  });
});
