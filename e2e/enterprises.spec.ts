import { expect, type Page, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function listShows(page: Page, text: string) {
  await page.goto("/enterprises");
  return (await page.getByRole("link", { name: text, exact: true }).count()) > 0;
}

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("creating an enterprise shows a toast and opens the new record", async ({ page }) => {
    const name = `Lishui Test Components ${unique()}`;
    await page.goto("/enterprises");
    await page.getByRole("link", { name: "New enterprise" }).click();
    await page.getByLabel("English name").fill(name);
    await page.getByLabel("Chinese name").fill("溧水测试零部件有限公司");
    await page.getByLabel("City").fill("南京");
    await page.getByLabel("Ownership").selectOption({ label: "Private" });
    await page.getByRole("button", { name: "Create enterprise" }).click();

    await expect(page.getByRole("region", { name: /Notifications/ }).getByText("Enterprise created")).toBeVisible();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator("main dl")).toContainText("李明");
    expect(await listShows(page, name)).toBe(true);
  });

  test("bad input is explained next to each field, keeps what was typed and saves nothing", async ({ page }) => {
    const name = `Rejected Co ${unique()}`;
    await page.goto("/enterprises/new");
    const chineseName = page.getByLabel("Chinese name");
    const creditCode = page.getByLabel("Unified social credit code");

    // Empty name.
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(chineseName).toHaveAttribute("aria-invalid", "true");
    await expect(chineseName).toHaveAccessibleDescription(/Enter a Chinese or an English name\./);

    // A credit code of the wrong length.
    await page.getByLabel("English name").fill(name);
    await creditCode.fill("91440300ABC");
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(creditCode).toHaveAccessibleDescription(/exactly 18 characters/);
    await expect(chineseName).toHaveAttribute("aria-invalid", "false");

    // BYD's code with its check character mistyped.
    await creditCode.fill("91440300192317458E");
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(creditCode).toHaveAccessibleDescription(/The credit code's check digit is wrong/);

    // BYD's code is already taken.
    await creditCode.fill("91440300192317458F");
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(creditCode).toHaveAccessibleDescription(/Another enterprise already has this credit code\./);
    await expect(page.getByLabel("English name")).toHaveValue(name);
    await expect(page).toHaveURL(`${BASE_URL}/enterprises/new`);

    expect(await listShows(page, name)).toBe(false);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("there is no create button and the form is not found", async ({ page }) => {
    await page.goto("/enterprises?q=BYD");
    await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toBeVisible();
    await expect(page.getByRole("link", { name: "New enterprise" })).toHaveCount(0);
    const response = await page.goto("/enterprises/new");
    expect(response?.status()).toBe(404);
  });

  test("calling the create action directly is refused and writes nothing", async ({ page, browser }) => {
    // Learn the action's wire format from a real staff submission that the server refuses.
    const staff = await browser.newContext({ storageState: storageStatePath("staff") });
    const staffPage = await staff.newPage();
    await staffPage.goto("/enterprises/new");
    const name = `Viewer Smuggled Co ${unique()}`;
    await staffPage.getByLabel("English name").fill(name);
    await staffPage.getByLabel("Unified social credit code").fill("short");
    const [request] = await Promise.all([
      staffPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      staffPage.getByRole("button", { name: "Create enterprise" }).click(),
    ]);
    await staff.close();
    const body = request.postDataBuffer()!.toString("utf8").replace("short", "");

    // The same call with the viewer's session.
    const response = await page.request.post("/enterprises/new", {
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, accept: "text/x-component", "accept-language": "en-US" },
      data: body,
    });
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain('{"ok":false,"message":"You do not have permission to do this."}');
    expect(await listShows(page, name)).toBe(false);
  });
});
