import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

// The seed's confidential project (team storage, owned by staff2) and its enterprise.
const SECRET = "户用储能系统产线项目（保密）";

test("Ctrl K searches every kind of record; a confidential project is absent from another team's results", async ({ browser }) => {
  const other = await browser.newContext({ storageState: storageStatePath("staff") });
  const owner = await browser.newContext({ storageState: storageStatePath("staff2") });
  try {
    const page = await other.newPage();
    await page.goto("/my-day");
    const box = page.getByRole("combobox", { name: "Search everything" });
    // The shortcut listens once the page has hydrated: press it until the box opens.
    await expect(async () => {
      await page.keyboard.press("Control+k");
      await expect(box).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await box.fill("比亚");
    const results = page.getByRole("listbox", { name: "Search everything" });
    await expect(results.getByRole("group", { name: "Enterprises" }).getByRole("option").first()).toContainText("比亚迪");
    await box.fill("户用储能");
    await expect(page.getByText(/Nothing you may see matches|Enterprises/).first()).toBeVisible();
    await expect(results.getByRole("option", { name: new RegExp(SECRET.slice(0, 6)) })).toHaveCount(0);
    await expect(results.getByRole("group", { name: "Projects" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(box).toBeHidden();

    const mine = await owner.newPage();
    await mine.goto("/enterprises");
    await mine.getByRole("button", { name: "Search everything" }).click();
    const ownBox = mine.getByRole("combobox", { name: "Search everything" });
    await ownBox.fill("户用储能");
    const project = mine.getByRole("group", { name: "Projects" }).getByRole("option", { name: new RegExp(SECRET.slice(0, 6)) });
    await expect(project).toBeVisible();
    // Down to the project with the arrow keys, Enter opens it.
    const options = mine.getByRole("listbox", { name: "Search everything" }).getByRole("option");
    const position = (await options.allTextContents()).findIndex((text) => text.includes(SECRET.slice(0, 6)));
    for (let i = 0; i <= position; i++) await ownBox.press("ArrowDown");
    await ownBox.press("Enter");
    await expect(mine).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(mine.getByRole("heading", { level: 1 })).toHaveText(SECRET);
  } finally {
    await other.close();
    await owner.close();
  }
});

test("at 390 px in Chinese the search opens full screen and the results page works without the box", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStatePath("staff"), viewport: { width: 390, height: 844 }, locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN" } });
  try {
    const page = await ctx.newPage();
    await page.goto("/my-day");
    const open = page.getByRole("button", { name: "全局搜索" });
    expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await open.click();
    const box = page.getByRole("combobox", { name: "全局搜索" });
    await box.fill("比亚");
    await expect(page.getByRole("group", { name: "企业" }).getByRole("option").first()).toContainText("比亚迪");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("heading", { name: "企业" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  } finally {
    await ctx.close();
  }
});
