import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withCreditCodeCheck } from "../lib/enterprises/credit-code";
import { storageStatePath } from "./support";

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
const creditCode = () => withCreditCodeCheck(`91320117MA${`${Date.now() % 10_000}${Math.floor(Math.random() * 1000)}`.padStart(7, "0").slice(-7)}`);

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("imports an attendee list: upload, match columns, dry run report, import, summary", async ({ page }) => {
    const u = unique();
    const names = [`溧水导入测试${u}甲有限公司`, `溧水导入测试${u}乙有限公司`, `Import Test ${u} Components GmbH`];
    const csv = [
      "企业名称,英文名称,统一社会信用代码,城市,联系人,电话,参会备注",
      `${names[0]},,${creditCode()},南京,王伟,+86 25 5555 0101,"主论坛, 第一排"`,
      `${names[1]},,,南京,,,`,
      `,${names[2]},,Stuttgart,Anna Weber,,`,
      "比亚迪,,,深圳,,,",
      `坏代码${u}公司,,12345,,,,`,
    ].join("\r\n");

    await page.goto("/enterprises/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import enterprises" })).toBeVisible();
    await page.getByLabel("CSV file").setInputFiles({ name: "attendees.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });

    // Columns are guessed from the Chinese headers; the one it cannot guess is matched by hand.
    await expect(page.getByRole("heading", { name: "Match the columns" })).toBeVisible();
    await expect(page.getByLabel("Import column “企业名称” as")).toHaveValue("nameZh");
    await expect(page.getByLabel("Import column “统一社会信用代码” as")).toHaveValue("creditCode");
    await expect(page.getByLabel("Import column “联系人” as")).toHaveValue("contactName");
    await expect(page.getByLabel("Import column “参会备注” as")).toHaveValue("");
    await page.getByLabel("Import column “参会备注” as").selectOption({ label: "Notes" });
    await page.getByRole("button", { name: "Check rows" }).click();

    // The dry run: 3 new, 1 duplicate of the seeded BYD, 1 invalid; nothing saved yet.
    await expect(page.getByRole("heading", { name: "Check result" })).toBeVisible();
    const filters = page.getByRole("group", { name: "Show rows" });
    await expect(filters.getByRole("button", { name: "New 3" })).toBeVisible();
    await expect(filters.getByRole("button", { name: "Duplicate 1" })).toBeVisible();
    await expect(filters.getByRole("button", { name: "Invalid 1" })).toBeVisible();
    const report = page.getByRole("table");
    await expect(report.getByRole("row", { name: /比亚迪/ })).toContainText("Similar name to 比亚迪股份有限公司.");
    await expect(report.getByRole("row", { name: /比亚迪/ }).getByRole("link", { name: "比亚迪股份有限公司" })).toHaveAttribute("href", /\/enterprises\/[0-9a-f-]{36}$/);
    await expect(report.getByRole("row", { name: new RegExp(`坏代码${u}`) })).toContainText("Credit code: A unified social credit code has exactly 18 characters");
    await expect(report.getByRole("row", { name: new RegExp(`坏代码${u}`) }).getByRole("cell").first()).toHaveText("6");
    const list = await page.context().newPage();
    // The dry run created nothing: searching for the file's first name finds no enterprise.
    await list.goto(`/enterprises?q=${encodeURIComponent(names[0]!)}`);
    await expect(list.getByText("No enterprises match.")).toBeVisible();
    await expect(list.getByRole("link", { name: names[0], exact: true })).toHaveCount(0);
    await list.close();

    await page.getByRole("button", { name: "Import 3 enterprises" }).click();

    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "created" })).toHaveText("3 enterprises created, 1 duplicate skipped, 1 invalid row skipped.");
    await expect(page.getByText("3 enterprises imported")).toBeVisible();
    await page.getByRole("table").getByRole("link", { name: names[0] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);
    await expect(page.locator("main")).toContainText("主论坛, 第一排");

    await page.goto("/enterprises");
    for (const name of names) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  });

  test("a row with only the English name of an enterprise kept under its Chinese name is a duplicate of it, with a link", async ({ page }) => {
    // The demo's 比亚迪股份有限公司 is kept with the English name "BYD Co., Ltd."; a foreign list writes it otherwise.
    const csv = ["Company,Country", "BYD Company Limited,China", `Import English ${unique()} GmbH,Germany`].join("\r\n");
    await page.goto("/enterprises/import");
    await page.getByLabel("CSV file").setInputFiles({ name: "foreign-attendees.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    // No Chinese in the name column: it is read as the English name.
    await expect(page.getByLabel("Import column “Company” as")).toHaveValue("nameEn");
    await page.getByRole("button", { name: "Check rows" }).click();

    await expect(page.getByRole("heading", { name: "Check result" })).toBeVisible();
    const filters = page.getByRole("group", { name: "Show rows" });
    await expect(filters.getByRole("button", { name: "New 1" })).toBeVisible();
    await expect(filters.getByRole("button", { name: "Duplicate 1" })).toBeVisible();
    const row = page.getByRole("table").getByRole("row", { name: /BYD Company Limited/ });
    await expect(row).toContainText("Similar name to 比亚迪股份有限公司.");
    const link = row.getByRole("link", { name: "比亚迪股份有限公司" });
    await expect(link).toHaveAttribute("href", `/enterprises/${seededId("enterprise:byd")}`);
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("BYD Co., Ltd.");
    await expect(page.locator("main")).toContainText("比亚迪股份有限公司");
  });

  test("a file that is not a usable CSV is explained and nothing is sent", async ({ page }) => {
    await page.goto("/enterprises/import");
    const input = page.getByLabel("CSV file");
    await input.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("企业名称,城市\r\n", "utf8") });
    await expect(page.getByRole("alert").filter({ hasText: "no rows" })).toHaveText("This file has no rows below the header row.");
    await input.setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from('企业名称,城市\r\n"未闭合,深圳\r\n', "utf8") });
    await expect(page.getByRole("alert").filter({ hasText: "quotation" })).toContainText("Row 2 opens a quotation mark that is never closed.");
    await expect(page.getByRole("heading", { name: "Match the columns" })).toHaveCount(0);
  });

  test("exports the filtered enterprise list as UTF-8 CSV with a byte-order mark, headers in the reader's language", async ({ page }) => {
    const response = await page.request.get("/api/enterprises/export?country=CN", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="enterprises-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString("utf8");
    expect(text.slice(1).split("\r\n")[0]).toBe("中文名称,英文名称,统一社会信用代码,国家或地区,城市,规模,企业性质,产业链环节,负责人,小组,录入时间,更新时间");
    expect(text).toContain('比亚迪股份有限公司,"BYD Co., Ltd.",91440300192317458F,中国,深圳');
    // The list's country filter applies: Avio (Italy) is left out.
    expect(text).not.toContain("Avio");

    const english = await (await page.request.get("/api/enterprises/export?country=CN", { headers: { "accept-language": "en-US,en" } })).text();
    expect(english.slice(1).split("\r\n")[0]).toBe(
      "Chinese name,English name,Unified social credit code,Country or region,City,Size,Ownership,Industrial chain nodes,Owner,Team,Added,Updated",
    );
    expect(english).toContain('比亚迪股份有限公司,"BYD Co., Ltd.",91440300192317458F,China,深圳');
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the import page is not found, but the list can be exported", async ({ page }) => {
    const response = await page.goto("/enterprises/import");
    expect(response?.status()).toBe(404);
    const exported = await page.request.get("/api/enterprises/export");
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain("Avio");
  });
});

test("the export refuses a caller who is not signed in", async ({ request }) => {
  const response = await request.get("/api/enterprises/export");
  expect(response.status()).toBe(401);
});
