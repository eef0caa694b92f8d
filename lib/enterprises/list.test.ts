import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { chainNodes, contacts, enterpriseChainNodes, enterprises, industrialChains, projects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer } from "@/test/support/fixtures";
import { parseEnterpriseFilters } from "./filters";
import { countEnterprises, listEnterprises } from "./queries";
import { refreshEnterpriseSearch, searchColumns } from "./search-index";

let database: Database;
let staffNev: Viewer;
let staffStorage: Viewer;
let managerStorage: Viewer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const nev = await makeTeam(db, "nev");
  const storage = await makeTeam(db, "storage");
  staffNev = await makeViewer(db, "staff", nev.id);
  staffStorage = await makeViewer(db, "staff", storage.id);
  managerStorage = await makeViewer(db, "manager", storage.id);
  const seed = [
    { key: "byd", nameZh: "比亚迪股份有限公司", nameEn: "BYD Co., Ltd.", creditCode: "91440300192317458F", city: "深圳", ownership: "private" as const, ownerId: staffNev.id, teamId: nev.id },
    { key: "sze", nameZh: "深圳能源集团股份有限公司", nameEn: "Shenzhen Energy Group Co., Ltd.", city: "深圳", ownership: "state_owned" as const, ownerId: staffStorage.id, teamId: storage.id },
    { key: "huawei", nameZh: "华为技术有限公司", nameEn: "Huawei Technologies Co., Ltd.", city: "深圳", ownership: "private" as const, ownerId: staffNev.id, teamId: nev.id },
    { key: "siemens", nameEn: "Siemens AG", country: "DE", city: "Munich", ownership: "foreign" as const, ownerId: staffStorage.id, teamId: storage.id },
    { key: "brembo", nameEn: "Brembo S.p.A.", country: "IT", city: "Bergamo", ownership: "foreign" as const, ownerId: staffStorage.id, teamId: storage.id },
    { key: "avio", nameZh: "阿维奥公司", nameEn: "Avio S.p.A.", country: "IT", city: "Colleferro", ownership: "foreign" as const, ownerId: staffNev.id, teamId: nev.id },
  ];
  for (const { key, ...e } of seed) {
    const [row] = await db.insert(enterprises).values({ ...e, ...searchColumns(e) }).returning();
    ids[key] = row!.id;
  }
  await db.insert(contacts).values({ enterpriseId: ids.siemens!, name: "Klaus Weber", title: "Head of China business" });
  await refreshEnterpriseSearch(db, [ids.siemens!]);

  const [chain] = await db.insert(industrialChains).values({ code: "nev", nameZh: "新能源汽车", nameEn: "New-energy vehicles" }).returning();
  const [battery] = await db.insert(chainNodes).values({ chainId: chain!.id, code: "nev.battery", nameZh: "动力电池", nameEn: "Batteries" }).returning();
  const [components] = await db.insert(chainNodes).values({ chainId: chain!.id, code: "nev.parts", nameZh: "汽车零部件", nameEn: "Auto components" }).returning();
  ids.chain = chain!.id;
  ids.battery = battery!.id;
  await db.insert(enterpriseChainNodes).values([
    { enterpriseId: ids.byd!, chainNodeId: battery!.id },
    { enterpriseId: ids.brembo!, chainNodeId: components!.id },
  ]);
  // Huawei's only active project is confidential to the storage team.
  await db.insert(projects).values([
    { enterpriseId: ids.byd!, name: "BYD battery plant", stage: "negotiating", status: "active", ownerId: staffNev.id, teamId: nev.id },
    { enterpriseId: ids.avio!, name: "Avio parts", stage: "lead", status: "dormant", ownerId: staffNev.id, teamId: nev.id },
    { enterpriseId: ids.huawei!, name: "Huawei storage line", stage: "intent", status: "active", ownerId: managerStorage.id, teamId: storage.id, confidential: true },
  ]);
});
afterAll(() => database?.close());

async function names(viewer: Viewer, query: Record<string, string>) {
  const { rows } = await listEnterprises(database.db, viewer, { filters: parseEnterpriseFilters(query) });
  return rows.map((r) => r.nameEn).sort();
}

describe("enterprise search", () => {
  it("finds two-character Chinese terms and Latin prefixes", async () => {
    expect(await names(staffNev, { q: "比亚" })).toEqual(["BYD Co., Ltd."]);
    expect(await names(staffNev, { q: "华为" })).toEqual(["Huawei Technologies Co., Ltd."]);
    expect(await names(staffNev, { q: "shenzhen en" })).toEqual(["Shenzhen Energy Group Co., Ltd."]);
    expect(await names(staffNev, { q: "siem" })).toEqual(["Siemens AG"]);
    expect(await names(staffNev, { q: "bre" })).toEqual(["Brembo S.p.A."]);
    expect(await names(staffNev, { q: "深圳" })).toEqual(["Shenzhen Energy Group Co., Ltd."]);
  });

  it("finds by credit code and by a contact's name", async () => {
    expect(await names(staffNev, { q: "914403001923" })).toEqual(["BYD Co., Ltd."]);
    expect(await names(staffNev, { q: "klaus" })).toEqual(["Siemens AG"]);
  });

  it("finds nothing for a term nobody has, and everything for punctuation only", async () => {
    expect(await names(staffNev, { q: "zzzq" })).toEqual([]);
    expect(await names(staffNev, { q: "%%" })).toHaveLength(6);
  });
});

describe("enterprise filters", () => {
  it("filter by country, city, ownership, owner and team", async () => {
    expect(await names(staffNev, { country: "IT" })).toEqual(["Avio S.p.A.", "Brembo S.p.A."]);
    expect(await names(staffNev, { city: "munich" })).toEqual(["Siemens AG"]);
    expect(await names(staffNev, { ownership: "state_owned" })).toEqual(["Shenzhen Energy Group Co., Ltd."]);
    expect(await names(staffNev, { owner: "me" })).toEqual(["Avio S.p.A.", "BYD Co., Ltd.", "Huawei Technologies Co., Ltd."]);
    expect(await names(staffNev, { team: staffStorage.teamId!, country: "DE" })).toEqual(["Siemens AG"]);
  });

  it("filter by industrial chain and node", async () => {
    expect(await names(staffNev, { chain: ids.chain! })).toEqual(["BYD Co., Ltd.", "Brembo S.p.A."]);
    expect(await names(staffNev, { node: ids.battery! })).toEqual(["BYD Co., Ltd."]);
  });

  it("counts only active projects the caller may see", async () => {
    expect(await names(staffNev, { active: "1" })).toEqual(["BYD Co., Ltd."]);
    expect(await names(managerStorage, { active: "1" })).toEqual(["BYD Co., Ltd.", "Huawei Technologies Co., Ltd."]);
  });

  it("drops malformed filters instead of failing", async () => {
    expect(parseEnterpriseFilters({ team: "not-a-uuid", size: "enormous", sort: "'; drop", cols: "name,bogus" })).toMatchObject({
      team: undefined,
      size: undefined,
      sort: "created",
      cols: undefined,
    });
  });
});

describe("sorting, paging and totals", () => {
  it("pages the name sort by keyset in name order", async () => {
    const filters = parseEnterpriseFilters({ sort: "name" });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listEnterprises>> = await listEnterprises(database.db, staffNev, { filters, after, limit: 4 });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after);
    const keys = await database.db.select({ id: enterprises.id, nameKey: enterprises.nameKey }).from(enterprises);
    const expected = [...keys].sort((a, b) => (a.nameKey! < b.nameKey! ? -1 : a.nameKey! > b.nameKey! ? 1 : a.id < b.id ? -1 : 1)).map((k) => k.id);
    expect(seen).toEqual(expected);
  });

  it("counts exactly when the result is small", async () => {
    expect(await countEnterprises(database.db, staffNev, parseEnterpriseFilters({}))).toEqual({ value: 6, exact: true });
    expect(await countEnterprises(database.db, staffNev, parseEnterpriseFilters({ country: "IT" }))).toEqual({ value: 2, exact: true });
  });
});
