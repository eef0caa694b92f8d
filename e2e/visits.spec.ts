import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.use({ storageState: storageStatePath("staff") });

/** Picks an enterprise in the form's search box by typing part of its name. */
async function pickEnterprise(page: Page, query: string, name: RegExp) {
  await page.getByRole("combobox", { name: "Enterprise" }).fill(query);
  await page.getByRole("option", { name }).first().click();
  await expect(page.getByTestId("enterpriseId-picked")).toContainText(name);
}

test("the visit form at 390 px: one column, every control reachable by Tab in order, no horizontal scroll", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/visits/new");
  await pickEnterprise(page, "比亚迪", /BYD|比亚迪/);
  await expect(page.getByRole("checkbox", { name: /林志强/ })).toBeVisible();
  await page.getByRole("button", { name: "Add a next step" }).click();
  await expect(page.getByLabel("What needs doing?")).toBeFocused();

  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  const shot = testInfo.outputPath("visit-form-390.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("visit form at 390 px", { path: shot, contentType: "image/png" });

  // Number every control of the form in document order, then walk them with Tab alone.
  const form = page.locator("main form");
  const count = await form.evaluate((f) => {
    const controls = [...f.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea, button, a[href]")].filter((el) => el.getClientRects().length > 0);
    controls.forEach((el, i) => el.setAttribute("data-tab-order", String(i)));
    return controls.length;
  });
  for (const label of ["Date and time", "Place", "Someone else (names, separated by commas)", "Summary", "Outcome", "What needs doing?", "Kind", "Due on", "Assignee"]) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("data-tab-order", /\d+/);
  }
  for (const name of [/李明/, /林志强/]) await expect(page.getByRole("checkbox", { name })).toHaveAttribute("data-tab-order", /\d+/);
  for (const name of ["Change", "Remove next step 1", "Add a next step", "Save visit"]) await expect(form.getByRole("button", { name })).toHaveAttribute("data-tab-order", /\d+/);
  expect(count).toBeGreaterThan(15);

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-tab-order") ?? null);
  await form.locator('[data-tab-order="0"]').focus();
  for (let i = 1; i < count; i++) {
    // Date inputs take several Tabs (day, month, year, hours, minutes) before focus leaves them.
    for (let presses = 0; presses < 8 && (await focused()) === String(i - 1); presses++) await page.keyboard.press("Tab");
    expect(await focused(), `control ${i} of ${count} receives focus`).toBe(String(i));
  }
});

test("logging a visit for BYD with a next step shows both on BYD's timeline", async ({ page }) => {
  const summary = `E2E 走访纪要 ${unique()}`;
  const step = `E2E 提交方案 ${unique()}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/visits");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.getByRole("link", { name: "Log a visit" }).click();
  await pickEnterprise(page, "比亚迪", /BYD|比亚迪/);
  await expect(page.getByLabel("Date and time")).not.toHaveValue("");
  await expect(page.getByRole("checkbox", { name: /李明/ })).toBeChecked();
  await page.getByRole("checkbox", { name: /林志强/ }).check();
  await page.getByLabel("Place").fill("比亚迪坪山总部");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Outcome").fill("约定下周提交方案");
  await page.getByRole("button", { name: "Add a next step" }).click();
  await page.getByLabel("What needs doing?").fill(step);
  await page.getByLabel("Kind").selectOption({ label: "Send materials" });
  await page.getByRole("button", { name: "Save visit" }).click();

  await expect(page.getByText("Visit logged")).toBeVisible();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText(summary);
  await expect(page.getByRole("main")).toContainText("林志强");
  await expect(page.getByRole("region", { name: "Follow-ups" })).toContainText(step);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  await page.getByRole("heading", { level: 1 }).getByRole("link").click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const timeline = page.locator("#timeline");
  await expect(timeline).toContainText(summary);
  await expect(timeline).toContainText(step);
});

test("bad input is explained next to the fields and keeps everything typed", async ({ page }) => {
  const place = `E2E 未保存 ${unique()}`;
  await page.goto("/visits/new");
  await page.getByLabel("Place").fill(place);
  await page.getByRole("button", { name: "Add a next step" }).click();
  await page.getByRole("button", { name: "Save visit" }).click();

  await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Summary")).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByLabel("What needs doing?")).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByRole("combobox", { name: "Enterprise" })).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByLabel("Place")).toHaveValue(place);
  await expect(page).toHaveURL(/\/visits\/new$/);

  await page.goto("/visits?scope=all");
  await expect(page.getByRole("main")).not.toContainText(place);
});

test("a visit is edited over the version loaded and deleted after confirming", async ({ page }) => {
  const summary = `E2E 待修改 ${unique()}`;
  await page.goto("/visits/new");
  await pickEnterprise(page, "比亚迪", /BYD|比亚迪/);
  await page.getByLabel("Summary").fill(summary);
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = page.url();

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Summary")).toHaveValue(summary);
  await page.getByLabel("Summary").fill(`${summary}（补记）`);
  await page.getByLabel("Someone else (names, separated by commas)").fill("王秘书");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Visit saved")).toBeVisible();
  await expect(page).toHaveURL(visitUrl);
  await expect(page.getByRole("main")).toContainText(`${summary}（补记）`);
  await expect(page.getByRole("main")).toContainText("王秘书");

  await page.getByRole("button", { name: "Delete visit" }).click();
  await expect(page.getByRole("dialog")).toContainText("Delete this visit?");
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Visit deleted")).toBeVisible();
  await expect(page).toHaveURL(/\/visits$/);
  expect((await page.goto(visitUrl))?.status()).toBe(404);
});

test("a visit saved by someone else meanwhile: the form shows their values beside mine and keeps what I typed", async ({ page, browser }) => {
  const summary = `E2E 同时编辑 ${unique()}`;
  await page.goto("/visits/new");
  await pickEnterprise(page, "比亚迪", /BYD|比亚迪/);
  await page.getByLabel("Summary").fill(summary);
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const editUrl = `${page.url()}/edit`;

  // A colleague of the same team opens the same version and saves first.
  const other = await browser.newContext({ storageState: storageStatePath("manager") });
  const otherPage = await other.newPage();
  await otherPage.goto(editUrl);
  await page.goto(editUrl);
  await otherPage.getByLabel("Summary").fill(`${summary}（经理补充）`);
  await otherPage.getByRole("button", { name: "Save changes" }).click();
  await expect(otherPage.getByText("Visit saved")).toBeVisible();
  await other.close();

  await page.getByLabel("Summary").fill(`${summary}（我的版本）`);
  await page.getByRole("button", { name: "Save changes" }).click();
  const panel = page.getByRole("alert").filter({ hasText: "Someone else saved this visit while you were editing it" });
  await expect(panel).toBeVisible();
  const row = panel.getByRole("row", { name: /^Summary/ });
  await expect(row).toContainText(`${summary}（经理补充）`);
  await expect(row).toContainText(`${summary}（我的版本）`);
  await expect(page.getByLabel("Summary")).toHaveValue(`${summary}（我的版本）`);

  // Keeping my edits puts them on top of their version; saving again succeeds.
  await panel.getByRole("button", { name: "Keep my edits" }).click();
  await expect(panel).toBeHidden();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Visit saved")).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`${summary}（我的版本）`);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });
  test("reads visits but cannot log one", async ({ page }) => {
    await page.goto("/visits?scope=all");
    await expect(page.getByRole("heading", { level: 1, name: "Visits" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Log a visit" })).toHaveCount(0);
    expect((await page.goto("/visits/new"))?.status()).toBe(404);
  });
});
