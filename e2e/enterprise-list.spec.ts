import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

test.use({ storageState: storageStatePath("staff") });

test("search as you type finds two-character Chinese terms and Latin prefixes", async ({ page }) => {
  await page.goto("/enterprises");
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("比亚");
  await expect(page).toHaveURL(/q=%E6%AF%94%E4%BA%9A/);
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Huawei Technologies Co., Ltd." })).toHaveCount(0);

  await search.fill("shenzhen en");
  await expect(page.getByRole("link", { name: "Shenzhen Energy Group Co., Ltd." })).toBeVisible();
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toHaveCount(0);

  await search.fill("no such company qqq");
  await expect(page.getByText("No enterprises match.")).toBeVisible();
});

test("what is typed before the page has finished loading is still searched for", async ({ page }) => {
  // Hold the page's scripts back, type, then let them run: a person on a slow line does this.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  // The page's own scripts block its load events: wait only for the response to start.
  await page.goto("/enterprises", { waitUntil: "commit" });
  await page.getByRole("searchbox", { name: "Search" }).fill("比亚");
  release();
  await expect(page).toHaveURL(/q=%E6%AF%94%E4%BA%9A/);
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Huawei Technologies Co., Ltd." })).toHaveCount(0);
});

test("filters, sort and columns live in the URL and survive a reload", async ({ page }) => {
  await page.goto("/enterprises");
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.getByLabel("Country or region").selectOption("IT");
  await page.getByLabel("Sort by").selectOption("name");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/country=IT/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("link", { name: "Avio S.p.A." })).toBeVisible();
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toHaveCount(0);

  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Chain nodes" }).check();
  await page.getByRole("checkbox", { name: "Owner", exact: true }).uncheck();
  await page.getByRole("button", { name: "Show these columns" }).click();
  await expect(page.getByRole("columnheader", { name: "Chain nodes" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Owner", exact: true })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Chain nodes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Avio S.p.A." })).toBeVisible();
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toHaveCount(0);
});

test("the owner filter offers everyone once the panel opens, and keeps the choice", async ({ page }) => {
  await page.goto("/enterprises");
  const owner = page.getByRole("combobox", { name: "Owner", exact: true });
  // The page itself carries only "any" and "me"; the people arrive when the panel opens.
  // (Inside the closed panel the select is hidden, so it is found by its name attribute.)
  await expect(page.locator('select[name="owner"] option')).toHaveText(["Any", "Me"]);
  await page.locator("summary", { hasText: "Filters" }).click();
  await expect(owner.locator("option", { hasText: "李明" })).toBeAttached();
  await owner.selectOption({ label: "李明" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/owner=[0-9a-f-]{36}/);
  const owners = page.getByRole("row").locator("td:nth-child(5)");
  await expect(page.getByRole("columnheader").nth(4)).toHaveText("Owner");
  await expect(owners.first()).toHaveText("李明");
  expect(new Set(await owners.allInnerTexts())).toEqual(new Set(["李明"]));

  // After a reload the chosen person is named before the rest arrive.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Owner", exact: true }).locator("option:checked")).toHaveText("李明");
});

test("a saved view brings its filters back", async ({ page }) => {
  const name = `Italian leads ${Date.now().toString(36)}`;
  await page.goto("/enterprises?country=IT");
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByLabel("Save this view").fill(name);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText("View saved")).toBeVisible();

  await page.goto("/enterprises");
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/country=IT/);
  await expect(page.getByRole("link", { name: "Avio S.p.A." })).toBeVisible();
  await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toHaveCount(0);
});
