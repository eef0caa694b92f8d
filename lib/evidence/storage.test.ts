import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db";
import { evidenceFiles, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { FieldError } from "@/lib/errors";
import { createProject } from "@/lib/projects/actions/create-project";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { getEvidence } from "@/lib/projects/evidence-queries";
import { shanghaiDay } from "@/lib/time";
import { openSecondHandle, openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { JPEG_BYTES, makeEnterprise, PDF_BYTES, PNG_BYTES } from "@/test/support/project-fixtures";
import { checkEvidence, storeEvidence } from "./storage";

const file = (bytes: Uint8Array | string, name: string, type: string) => new File([typeof bytes === "string" ? bytes : Uint8Array.from(bytes)], name, { type });

async function refusal(f: File): Promise<string> {
  const error = await checkEvidence(f).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FieldError)) throw new Error("the file was accepted");
  return t(error.fieldErrors!.evidence![0]!);
}

describe("checking an evidence file", () => {
  it("takes a real PDF, PNG and JPEG, whatever they are called, and keeps the name for display only", async () => {
    expect(await checkEvidence(file(PDF_BYTES, "营业执照.pdf", "application/pdf"))).toMatchObject({ type: "application/pdf", name: "营业执照.pdf" });
    expect(await checkEvidence(file(PNG_BYTES, "photo", "application/octet-stream"))).toMatchObject({ type: "image/png" });
    expect(await checkEvidence(file(JPEG_BYTES, "site.jpeg.exe", "image/png"))).toMatchObject({ type: "image/jpeg" });
  });

  it("refuses a broken or disguised file with the message the wrong type gets, at the file field", async () => {
    const wrongType = "Only PDF, JPEG and PNG files are accepted.";
    expect(await refusal(file("%PDF-1.4\n<html><script>alert(1)</script></html>\n", "licence.pdf", "application/pdf"))).toBe(wrongType);
    expect(await refusal(file(PDF_BYTES.subarray(0, 20), "licence.pdf", "application/pdf"))).toBe(wrongType);
    expect(await refusal(file(PNG_BYTES.subarray(0, 40), "photo.png", "image/png"))).toBe(wrongType);
    expect(await refusal(file(JPEG_BYTES.subarray(0, 100), "photo.jpg", "image/jpeg"))).toBe(wrongType);
  });
});

describe("evidence kept in the database", () => {
  let database: Database;
  let manager: Viewer;
  let enterpriseId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    const team = await makeTeam(database.db);
    manager = await makeViewer(database.db, "manager", team.id);
    enterpriseId = (await makeEnterprise(database.db, team.id)).id;
  });
  afterAll(() => database?.close());

  /** A manager moves a new confidential project from 签约 to 注册 with `evidence`; returns the change that carries it. */
  async function movedWith(db: Database, evidence: File): Promise<string> {
    const rt = { viewer: manager, db: db.db, t };
    const created = await runAction(createProject.definition as never, rt, { enterpriseId, name: `证据项目 ${Math.random()}`, stage: "signed", signedOn: shanghaiDay(), plannedAmount: "1", plannedUnit: "yi", confidential: "on" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = (created.data as { id: string }).id;
    const moved = await runAction(moveProjectStage.definition, rt, { id, version: 1, toStage: "registered", evidence });
    if (!moved.ok) throw new Error(JSON.stringify(moved));
    const [change] = await db.db.select({ id: stageChanges.id }).from(stageChanges).where(and(eq(stageChanges.projectId, id), eq(stageChanges.toStage, "registered")));
    return change!.id;
  }

  it("is read back byte for byte, with its checked type, by those who may see the project only", async () => {
    const changeId = await movedWith(database, file(PNG_BYTES, "site.png", "image/png"));
    const found = await getEvidence(database.db, manager, changeId);
    expect(found?.type).toBe("image/png");
    expect(Buffer.from(found!.bytes).equals(Buffer.from(PNG_BYTES))).toBe(true);
    expect(await getEvidence(database.db, await makeViewer(database.db, "staff", (await makeTeam(database.db)).id), changeId)).toBeNull();
  });

  it("leaves nothing when the transaction that stores it rolls back", async () => {
    const changeId = await movedWith(database, file(PDF_BYTES, "licence.pdf", "application/pdf"));
    const before = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.stageChangeId, changeId));
    const failed = database.db.transaction(async (tx) => {
      await storeEvidence(tx, changeId, { bytes: JPEG_BYTES, type: "image/jpeg" });
      throw new Error("the move failed after the file was written");
    });
    await expect(failed).rejects.toThrow("the move failed");
    expect(await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.stageChangeId, changeId))).toEqual(before);
  });

  it.runIf(Boolean(inject("dbTemplateUrl")))("written by one instance is served by another (a second handle on the same server)", async () => {
    const other = await openSecondHandle(database);
    try {
      const changeId = await movedWith(database, file(JPEG_BYTES, "photo.jpg", "image/jpeg"));
      const found = await getEvidence(other.db, manager, changeId);
      expect(found?.type).toBe("image/jpeg");
      expect(Buffer.from(found!.bytes).equals(Buffer.from(JPEG_BYTES))).toBe(true);
    } finally {
      await other.close();
    }
  });
});
