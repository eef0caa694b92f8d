import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createEnterprise } from "./actions/create-enterprise";
import { importEnterprises, previewImport } from "./actions/import-enterprises";
import { mergeEnterprises } from "./actions/merge-enterprises";
import { restoreEnterprise } from "./actions/restore-enterprise";
import { updateEnterprise } from "./actions/update-enterprise";
import { splitAliases } from "./aliases";
import { parseEnterpriseFilters } from "./filters";
import { guessMapping, mappingProblems, mapRecords } from "./import/fields";
import type { ImportRow } from "./import/fields";
import { findMergeCandidates } from "./merge/queries";
import { backfillNameKeys } from "./name-keys-backfill";
import { identifyEnterprises, listEnterprises } from "./queries";

// An enterprise kept under its Chinese name, with its English name, a short name and a former
// name. Every one of them must find it: in the create form, the import, merge and search.
let database: Database;
let staff: Viewer;
let manager: Viewer;
let byd: string;

const BYD = {
  nameZh: "比亚迪股份有限公司",
  nameEn: "BYD Company Limited",
  aliases: "比亚迪\n深圳比亚迪实业有限公司",
  creditCode: "91440300192317458F",
};

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  manager = await makeViewer(database.db, "manager", team.id);
  byd = await created(BYD);
});
afterAll(() => database?.close());

const ctx = (viewer: Viewer) => ({ viewer, db: database.db, t });
const create = (input: Record<string, unknown>) => runAction(createEnterprise.definition, ctx(staff), input);
const update = (input: Record<string, unknown>) => runAction(updateEnterprise.definition, ctx(staff), input);
const preview = (rows: ImportRow[]) => runAction(previewImport.definition, ctx(staff), { rows });
const runImport = (rows: ImportRow[]) => runAction(importEnterprises.definition, ctx(staff), { rows });
const row = async (id: string) => (await database.db.select().from(enterprises).where(eq(enterprises.id, id)))[0]!;

async function created(input: Record<string, unknown>) {
  const result = await create(input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

async function counts() {
  const [e] = await database.db.select({ n: count() }).from(enterprises);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { enterprises: e!.n, audit: a!.n };
}

const SIMILAR = "An enterprise with a similar name already exists. Check the list above, or save anyway.";

describe("an enterprise's names", () => {
  it("are kept with the key of each, and search finds the enterprise by a former name", async () => {
    const e = await row(byd);
    expect(e.aliases).toEqual(["比亚迪", "深圳比亚迪实业有限公司"]);
    expect(e.nameKeys).toEqual(["比亚迪", "byd", "比亚迪", "深圳比亚迪实业"]);
    // "实业" and "深圳" appear only in the former name.
    const { rows } = await listEnterprises(database.db, staff, { filters: parseEnterpriseFilters({ q: "深圳比亚迪实业" }) });
    expect(rows.map((r) => r.id)).toEqual([byd]);
  });

  it("are typed one per line or separated by commas; a company form after a comma stays with its name", () => {
    expect(splitAliases("比亚迪，BYD Co., Ltd.\n\n Brembo, S.p.A. ; 布雷博、Acme, Inc.")).toEqual(["比亚迪", "BYD Co., Ltd.", "Brembo, S.p.A.", "布雷博", "Acme, Inc."]);
  });

  it("refuses more than ten aliases, an alias with control characters or one longer than a name, on the field", async () => {
    const before = await counts();
    const many = await create({ nameZh: "别名过多测试有限公司", aliases: Array.from({ length: 11 }, (_, i) => `别名${i}`).join("\n") });
    expect(many).toMatchObject({ ok: false, fieldErrors: { aliases: ["At most 10 short or former names."] } });
    const hidden = await create({ nameZh: "控制字符测试有限公司", aliases: "正常\nab\u202Ecd" });
    expect(hidden).toMatchObject({ ok: false, fieldErrors: { aliases: ["This contains invisible control characters; remove them and try again."] } });
    const long = await create({ nameZh: "超长别名测试有限公司", aliases: ["短", "长".repeat(201)] });
    expect(long).toMatchObject({ ok: false, fieldErrors: { aliases: ["This is too long."] } });
    expect(await counts()).toEqual(before);
  });
});

describe("the similar-name warning compares every name", () => {
  it("warns that an English-only “BYD Co., Ltd.” looks like 比亚迪股份有限公司 (BYD Company Limited), links it, and saves nothing", async () => {
    const before = await counts();
    const result = await create({ nameEn: "BYD Co., Ltd." });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { nameEn: [SIMILAR] },
      details: { similar: [{ id: byd, nameZh: "比亚迪股份有限公司", nameEn: "BYD Company Limited", aliases: ["比亚迪", "深圳比亚迪实业有限公司"] }] },
    });
    expect(await counts()).toEqual(before);
  });

  it("warns about a former name, and about a new enterprise's alias that is an existing one's name", async () => {
    expect(await create({ nameZh: "深圳比亚迪实业有限公司" })).toMatchObject({ ok: false, fieldErrors: { nameZh: [SIMILAR] }, details: { similar: [{ id: byd }] } });
    expect(await create({ nameZh: "弗迪科技有限公司", aliases: "BYD Company" })).toMatchObject({
      ok: false,
      fieldErrors: { aliases: [SIMILAR] },
      details: { similar: [{ id: byd }] },
    });
  });

  it("on edit, warns about a new alias matching another enterprise, not about the record's own names", async () => {
    const other = await created({ nameZh: "别名编辑测试有限公司" });
    const own = await update({ id: byd, version: (await row(byd)).version, ...BYD, description: "新能源汽车" });
    expect(own.ok).toBe(true);
    const warned = await update({ id: other, version: 1, nameZh: "别名编辑测试有限公司", aliases: "比亚迪" });
    expect(warned).toMatchObject({ ok: false, fieldErrors: { aliases: [SIMILAR] }, details: { similar: [{ id: byd }] } });
    const saved = await update({ id: other, version: 1, nameZh: "别名编辑测试有限公司", aliases: "比亚迪", confirmSimilar: "1" });
    expect(saved.ok).toBe(true);
    expect((await row(other)).nameKeys).toEqual(["别名编辑测试", "比亚迪"]);
  });
});

describe("the import compares every name", () => {
  it("reports an English-only row, a former name and an alias as duplicates of 比亚迪股份有限公司, and rows of the file by any of their names", async () => {
    const before = await counts();
    const result = await preview([
      { row: 2, values: { nameEn: "BYD Company Limited" } },
      { row: 3, values: { nameZh: "深圳比亚迪实业有限公司" } },
      { row: 4, values: { nameZh: "全新名称科技有限公司", aliases: "深圳比亚迪实业" } },
      { row: 5, values: { nameZh: "甲乙丙科技有限公司", aliases: "Jiayibing Tech" } },
      { row: 6, values: { nameEn: "Jiayibing Tech GmbH" } },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const existing = { kind: "existing", match: "name", id: byd, name: "比亚迪股份有限公司" };
    expect(result.data.results).toEqual([
      { row: 2, name: "BYD Company Limited", status: "duplicate", reason: existing },
      { row: 3, name: "深圳比亚迪实业有限公司", status: "duplicate", reason: existing },
      { row: 4, name: "全新名称科技有限公司", status: "duplicate", reason: existing },
      { row: 5, name: "甲乙丙科技有限公司", status: "new", keys: ["name:甲乙丙科技", "name:jiayibingtech"] },
      { row: 6, name: "Jiayibing Tech GmbH", status: "duplicate", reason: { kind: "inFile", match: "name", row: 5 } },
    ]);
    expect((await counts()).enterprises).toBe(before.enterprises);
  });

  it("imports an alias column, so the record is found under those names afterwards", async () => {
    const result = await runImport([{ row: 2, values: { nameZh: "丁戊新材料有限公司", aliases: "丁戊材料\nDingwu Materials" } }]);
    const [first] = result.ok ? result.data.results : [];
    if (first?.status !== "created") throw new Error(JSON.stringify(result));
    const { id } = first;
    expect(await row(id)).toMatchObject({ aliases: ["丁戊材料", "Dingwu Materials"], nameKeys: ["丁戊新材料", "丁戊材料", "dingwumaterials"] });
    expect(await create({ nameEn: "Dingwu Materials Co., Ltd." })).toMatchObject({ ok: false, details: { similar: [{ id }] } });
  });

  it("recognises 简称, 曾用名 and English alias headers, from several columns", () => {
    const mapping = guessMapping(["企业名称", "简称", "曾用名", "Former name"]);
    expect(mapping).toEqual(["nameZh", "aliases", "aliases", "aliases"]);
    expect(guessMapping(["Company", "Short name", "Alias"], [["Brembo S.p.A.", "Brembo", "BREMBO SPA"]])).toEqual(["nameEn", "aliases", "aliases"]);
    expect(mappingProblems(mapping)).toEqual([]);
    expect(mapRecords([{ row: 2, cells: ["比亚迪股份有限公司", "比亚迪", "", "BYD Auto"] }], mapping)).toEqual([
      { row: 2, values: { nameZh: "比亚迪股份有限公司", aliases: "比亚迪\nBYD Auto" } },
    ]);
  });
});

describe("merging and matching by every name", () => {
  it("merge candidates find 比亚迪股份有限公司 by an English name written differently and by its former name", async () => {
    const other = await created({ nameZh: "合并候选测试有限公司" });
    const byEnglish = await findMergeCandidates(database.db, manager, { query: "BYD Co., Ltd.", excludeId: other });
    expect(byEnglish.map((c) => c.id)).toContain(byd);
    const byFormer = await findMergeCandidates(database.db, manager, { query: "比亚迪实业", excludeId: other });
    expect(byFormer.map((c) => c.id)).toEqual([byd]);
  });

  it("a list row is matched by any name or by credit code", async () => {
    const ids = async (names: string[], creditCode?: string) => (await identifyEnterprises(database.db, { names, creditCode })).map((e) => e.id);
    expect(await ids(["BYD Co., Ltd."])).toEqual([byd]);
    expect(await ids(["深圳比亚迪实业"])).toEqual([byd]);
    expect(await ids(["完全无关的名字"], BYD.creditCode)).toEqual([byd]);
    expect(await ids(["完全无关的名字"])).toEqual([]);
  });

  it("the kept record takes the merged record's other names as aliases, and gives them back on restore", async () => {
    const kept = await created({ nameZh: "星河储能科技有限公司", aliases: "星河储能" });
    const gone = await created({ nameZh: "星河能源科技有限公司", nameEn: "Xinghe Energy Tech", aliases: "星河储能", confirmSimilar: "1" });
    const merged = await runAction(mergeEnterprises.definition, ctx(manager), { survivorId: kept, mergedId: gone, survivorVersion: 1, mergedVersion: 1 });
    expect(merged.ok).toBe(true);
    // The English name filled the empty field; the Chinese name became a former name; the shared alias is kept once.
    expect(await row(kept)).toMatchObject({ nameEn: "Xinghe Energy Tech", aliases: ["星河储能", "星河能源科技有限公司"] });
    expect(await create({ nameZh: "星河能源科技有限公司" })).toMatchObject({ ok: false, details: { similar: [{ id: kept }] } });

    const restored = await runAction(restoreEnterprise.definition, ctx(manager), { id: gone, version: (await row(gone)).version });
    expect(restored.ok).toBe(true);
    expect(await row(kept)).toMatchObject({ nameEn: null, aliases: ["星河储能"], nameKeys: ["星河储能科技", "星河储能"] });
  });
});

describe("name keys written before every name had one", () => {
  it("are completed in batches after migrating, and a second run changes nothing", async () => {
    // As migration 0004 left them: the key of the main name only.
    const made = await database.db
      .insert(enterprises)
      .values([
        { nameZh: "回填测试一有限公司", nameEn: "Backfill One Ltd", nameKey: "回填测试一", nameKeys: ["回填测试一"] },
        { nameZh: "回填测试二有限公司", nameEn: "Backfill Two GmbH", nameKey: "回填测试二", nameKeys: ["回填测试二"] },
        { nameZh: "Backfill Three", nameEn: "Backfill Three Ltd", nameKey: "backfillthree", nameKeys: ["backfillthree"] },
        { nameEn: "Backfill Four", nameKey: "backfillfour", nameKeys: ["backfillfour"] },
        { nameZh: "---", nameEn: "Backfill Five", nameKey: "backfillfive", nameKeys: ["backfillfive"] },
      ])
      .returning({ id: enterprises.id });
    const ids = made.map((m) => m.id);
    expect(await create({ nameEn: "Backfill One" })).toMatchObject({ ok: true });

    expect(await backfillNameKeys(database.db, 2)).toBe(3);
    const rows = await database.db.select({ id: enterprises.id, nameKeys: enterprises.nameKeys }).from(enterprises).where(inArray(enterprises.id, ids));
    expect(ids.map((id) => rows.find((r) => r.id === id)!.nameKeys)).toEqual([
      ["回填测试一", "backfillone"],
      ["回填测试二", "backfilltwo"],
      ["backfillthree", "backfillthree"],
      ["backfillfour"],
      // "---" has no key: the row is looked at again but left as it is.
      ["backfillfive"],
    ]);
    expect(await create({ nameEn: "Backfill Two" })).toMatchObject({ ok: false, details: { similar: [{ id: ids[1] }] } });
    expect(await backfillNameKeys(database.db, 2)).toBe(0);
  });
});
