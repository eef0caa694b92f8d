import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createProject } from "@/lib/projects/actions/create-project";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { makeEnterprise, PDF_BYTES, PNG_BYTES } from "@/test/support/project-fixtures";
import { makeTwoTeams, type TwoTeams } from "@/test/support/two-teams";
import { addAttachment } from "./actions/add-attachment";
import { removeAttachment } from "./actions/remove-attachment";
import { listAttachments, readAttachment } from "./records";

let database: Database;
let teams: TwoTeams;
let enterpriseId: string, secretId: string;

type Result = { ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

beforeAll(async () => {
  database = await openTestDatabase();
  teams = await makeTwoTeams(database.db);
  enterpriseId = (await makeEnterprise(database.db, teams.teamA)).id;
  const secret = await run(createProject, teams.people.staffA, { enterpriseId, name: "保密项目", confidential: "on" });
  if (!secret.ok) throw new Error(secret.message);
  secretId = secret.data.id;
});
afterAll(() => database?.close());

describe("files on records", () => {
  it("someone who may edit the record adds a photo or a PDF; it is listed and served to whoever may see the record", async () => {
    const { staffA, staffB } = teams.people;
    const photo = await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId, file: file(PNG_BYTES, "展厅.png", "image/png") });
    expect(photo).toMatchObject({ ok: true });
    const brochure = await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId, file: file(PDF_BYTES, "宣传册.pdf", "application/pdf") });
    expect(brochure).toMatchObject({ ok: true });
    expect((await listAttachments(database.db, "enterprise", enterpriseId)).map((f) => [f.name, f.contentType])).toEqual([
      ["宣传册.pdf", "application/pdf"],
      ["展厅.png", "image/png"],
    ]);
    // Enterprises are read by everyone: another team's staff may download, not add.
    const served = await readAttachment(database.db, staffB, photo.ok ? photo.data.id : "");
    expect(served && Buffer.from(served.bytes).equals(Buffer.from(PNG_BYTES))).toBe(true);
    expect(await run(addAttachment, staffB, { recordType: "enterprise", recordId: enterpriseId, file: file(PNG_BYTES, "x.png", "image/png") })).toMatchObject({ ok: false, message: t("errors.forbidden") });
  });

  it("checks the file by its structure and size, at the field, and writes nothing", async () => {
    const { staffA } = teams.people;
    const before = (await listAttachments(database.db, "enterprise", enterpriseId)).length;
    const fake = await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId, file: file(new TextEncoder().encode("<script>alert(1)</script>"), "合同.pdf", "application/pdf") });
    expect(fake).toMatchObject({ ok: false, fieldErrors: { file: [expect.any(String)] } });
    const big = await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId, file: file(new Uint8Array(10 * 1024 * 1024 + 1), "big.png", "image/png") });
    expect(big).toMatchObject({ ok: false, fieldErrors: { file: [expect.any(String)] } });
    expect(await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId })).toMatchObject({ ok: false, fieldErrors: { file: [expect.any(String)] } });
    expect((await listAttachments(database.db, "enterprise", enterpriseId)).length).toBe(before);
  });

  it("a confidential project's files exist only for those who may see the project", async () => {
    const { staffA, staffB, managerB, managerA } = teams.people;
    const added = await run(addAttachment, staffA, { recordType: "project", recordId: secretId, file: file(PDF_BYTES, "投资协议.pdf", "application/pdf") });
    if (!added.ok) throw new Error(added.message);
    for (const who of [staffB, managerB]) {
      expect(await readAttachment(database.db, who, added.data.id)).toBeNull();
      expect(await run(addAttachment, who, { recordType: "project", recordId: secretId, file: file(PDF_BYTES, "x.pdf", "application/pdf") })).toMatchObject({ ok: false, message: t("errors.notFound") });
    }
    expect(await readAttachment(database.db, managerA, added.data.id)).not.toBeNull();
  });

  it("is removed over the version seen, by someone who may edit the record", async () => {
    const { staffA, staffB } = teams.people;
    const added = await run(addAttachment, staffA, { recordType: "enterprise", recordId: enterpriseId, file: file(PNG_BYTES, "删除.png", "image/png") });
    if (!added.ok) throw new Error(added.message);
    expect(await run(removeAttachment, staffB, { id: added.data.id, version: 1 })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(removeAttachment, staffA, { id: added.data.id, version: 2 })).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect(await run(removeAttachment, staffA, { id: added.data.id, version: 1 })).toMatchObject({ ok: true });
    expect(await readAttachment(database.db, staffA, added.data.id)).toBeNull();
    expect((await listAttachments(database.db, "enterprise", enterpriseId)).map((f) => f.name)).not.toContain("删除.png");
  });
});
