import { type Browser, expect, type Page, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { type Persona, storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates an enterprise through the form (English name only, so no seeded name is similar) and returns its id. */
async function createEnterprise(page: Page, nameEn: string, fields: { city?: string } = {}) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(nameEn);
  if (fields.city) await page.getByLabel("City").fill(fields.city);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function openAs(browser: Browser, persona: Persona) {
  const context = await browser.newContext({ storageState: storageStatePath(persona) });
  return { context, page: await context.newPage() };
}

async function enterpriseIdByName(page: Page, name: string) {
  await page.goto("/enterprises");
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

const fact = (page: Page, label: string) => page.locator("#facts dt", { hasText: label }).locator("xpath=following-sibling::dd");

test.describe("editing with optimistic concurrency", () => {
  test("the second of two people saving sees the other's change, which survives, and can load it", async ({ browser }) => {
    const staff = await openAs(browser, "staff");
    const manager = await openAs(browser, "manager");
    const id = await createEnterprise(staff.page, `Conflict Test Castings ${unique()}`, { city: "南京" });

    // Both open the form on the same version.
    await staff.page.goto(`/enterprises/${id}/edit`);
    await manager.page.goto(`/enterprises/${id}/edit`);

    await manager.page.getByLabel("City").fill("肇庆");
    await manager.page.getByLabel("Province").fill("广东省");
    await manager.page.getByRole("button", { name: "Save changes" }).click();
    await expect(manager.page.getByText("Changes saved")).toBeVisible();
    await expect(manager.page).toHaveURL(`${BASE_URL}/enterprises/${id}`);

    await staff.page.getByLabel("City").fill("无锡");
    await staff.page.getByLabel("Website").fill("https://castings.example");
    await staff.page.getByRole("button", { name: "Save changes" }).click();

    const panel = staff.page.getByRole("alert").filter({ hasText: "Someone else saved this enterprise while you were editing" });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("张伟");
    await expect(panel.getByRole("row", { name: /^City/ })).toContainText("肇庆");
    await expect(panel.getByRole("row", { name: /^City/ })).toContainText("无锡");
    await expect(panel.getByRole("row", { name: /^Province/ })).toContainText("广东省");
    // Nothing typed is lost, and the page stays where it is.
    await expect(staff.page).toHaveURL(`${BASE_URL}/enterprises/${id}/edit`);
    await expect(staff.page.getByLabel("Website")).toHaveValue("https://castings.example");

    // The first person's change is what is saved.
    const check = await staff.context.newPage();
    await check.goto(`/enterprises/${id}`);
    await expect(fact(check, "City")).toHaveText("肇庆");
    await expect(fact(check, "Website")).toHaveText("Not set");

    await panel.getByRole("button", { name: "Use their version" }).click();
    await expect(panel).toBeHidden();
    await expect(staff.page.getByText("The form now shows the latest saved version.")).toBeVisible();
    await expect(staff.page.getByLabel("City")).toHaveValue("肇庆");
    await expect(staff.page.getByLabel("Province")).toHaveValue("广东省");
    await expect(staff.page.getByLabel("Website")).toHaveValue("");

    await staff.page.getByLabel("Notes").fill("Casting supplier met at the Lishui meeting.");
    await staff.page.getByRole("button", { name: "Save changes" }).click();
    await expect(staff.page.getByText("Changes saved")).toBeVisible();
    await expect(staff.page).toHaveURL(`${BASE_URL}/enterprises/${id}`);
    await expect(fact(staff.page, "City")).toHaveText("肇庆");
    await expect(fact(staff.page, "Notes")).toHaveText("Casting supplier met at the Lishui meeting.");

    // The timeline says who changed which fields.
    const timeline = staff.page.locator("#timeline");
    await expect(timeline.getByRole("listitem").filter({ hasText: "By 张伟" }).filter({ hasText: "Details edited" })).toContainText("Changed: City, Province");
    await staff.context.close();
    await manager.context.close();
  });

  test("keeping my edits applies them on top of the other person's version", async ({ browser }) => {
    const staff = await openAs(browser, "staff");
    const manager = await openAs(browser, "manager");
    const id = await createEnterprise(staff.page, `Replay Test Pistons ${unique()}`, { city: "南京" });
    await staff.page.goto(`/enterprises/${id}/edit`);
    await manager.page.goto(`/enterprises/${id}/edit`);

    await manager.page.getByLabel("Province").fill("江苏省");
    await manager.page.getByRole("button", { name: "Save changes" }).click();
    await expect(manager.page).toHaveURL(`${BASE_URL}/enterprises/${id}`);

    await staff.page.getByLabel("City").fill("溧水");
    await staff.page.getByRole("button", { name: "Save changes" }).click();
    await staff.page.getByRole("button", { name: "Keep my edits" }).click();
    await expect(staff.page.getByLabel("City")).toHaveValue("溧水");
    await expect(staff.page.getByLabel("Province")).toHaveValue("江苏省");
    await staff.page.getByRole("button", { name: "Save changes" }).click();
    await expect(staff.page).toHaveURL(`${BASE_URL}/enterprises/${id}`);
    await expect(fact(staff.page, "City")).toHaveText("溧水");
    await expect(fact(staff.page, "Province")).toHaveText("江苏省");
    await staff.context.close();
    await manager.context.close();
  });
});

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("creating 比亚迪 warns about the existing 比亚迪股份有限公司 and links to it", async ({ page }) => {
    await page.goto("/enterprises/new");
    const chineseName = page.getByLabel("Chinese name");
    await chineseName.fill("比亚迪");
    await page.getByRole("button", { name: "Create enterprise" }).click();

    const warning = page.getByRole("alert").filter({ hasText: "An enterprise with a similar name already exists" });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("比亚迪股份有限公司");
    await expect(chineseName).toHaveAccessibleDescription(/similar name already exists/);
    await expect(page).toHaveURL(`${BASE_URL}/enterprises/new`);

    await warning.getByRole("link", { name: "BYD Co., Ltd." }).click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("BYD Co., Ltd.");
  });

  test("a similar name can be saved anyway once the user has seen the warning", async ({ page }) => {
    // A hydration mismatch would re-render the form and drop what was typed.
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const base = `Warn Test Pumps ${unique()}`;
    const first = await createEnterprise(page, base);
    await page.goto("/enterprises/new");
    await page.getByLabel("English name").fill(`${base.toUpperCase()} Co., Ltd.`);
    await page.getByRole("button", { name: "Create enterprise" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "similar name" });
    await expect(warning.getByRole("link", { name: base })).toHaveAttribute("href", `/enterprises/${first}`);

    await warning.getByRole("button", { name: "Save anyway" }).click();
    await expect(page.getByRole("region", { name: /Notifications/ }).getByText("Enterprise created")).toBeVisible();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(first);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${base.toUpperCase()} Co., Ltd.`);
    expect(pageErrors).toEqual([]);
  });

  test("contacts can be added, edited and removed after a confirmation", async ({ page }) => {
    const id = await createEnterprise(page, `Contact Test Valves ${unique()}`);
    const contacts = page.locator("#contacts");
    await expect(contacts).toContainText("No contacts yet.");

    await contacts.getByRole("button", { name: "Add contact" }).click();
    const form = contacts.getByRole("form", { name: "Add contact" });
    await form.getByLabel("Name").fill("Giulia Rossi");
    await form.getByLabel("E-mail").fill("not-an-address");
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(form.getByLabel("E-mail")).toHaveAccessibleDescription(/This value is not valid\./);
    await expect(form.getByLabel("Name")).toHaveValue("Giulia Rossi");

    await form.getByLabel("E-mail").fill("giulia@valves.example");
    await form.getByLabel("Job title").fill("Sales director");
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByText("Contact added")).toBeVisible();
    const card = contacts.getByRole("article", { name: "Giulia Rossi" });
    await expect(card).toContainText("Sales director");
    await expect(card.getByRole("link", { name: "giulia@valves.example" })).toHaveAttribute("href", "mailto:giulia@valves.example");

    await contacts.getByRole("button", { name: "Edit Giulia Rossi" }).click();
    const edit = contacts.getByRole("form", { name: "Edit contact" });
    await edit.getByLabel("Job title").fill("Managing director");
    await edit.getByRole("button", { name: "Save contact" }).click();
    await expect(page.getByText("Contact saved")).toBeVisible();
    await expect(card).toContainText("Managing director");

    // Cancelling the confirmation keeps the contact.
    await contacts.getByRole("button", { name: "Remove Giulia Rossi" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Giulia Rossi?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toBeVisible();

    await contacts.getByRole("button", { name: "Remove Giulia Rossi" }).click();
    await dialog.getByRole("button", { name: "Remove contact" }).click();
    // The toast; the timeline below also gains "Contact Giulia Rossi removed".
    await expect(page.getByText("Giulia Rossi removed", { exact: true })).toBeVisible();
    await expect(card).toBeHidden();

    await page.goto(`/enterprises/${id}`);
    const timeline = page.locator("#timeline");
    await expect(timeline).toContainText("Contact Giulia Rossi removed");
    await expect(timeline).toContainText("Contact Giulia Rossi added");
    await expect(timeline).toContainText("Changed: Job title");
  });

  test("the page reads at 390 px and the timeline's Load more adds older entries below", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await enterpriseIdByName(page, "BYD Co., Ltd.");
    for (const heading of ["Key facts", "Contacts", "Projects", "Industrial chain", "Events", "Delegations", "Timeline"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.locator("#contacts")).toContainText("林志强");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const timeline = page.locator("#timeline");
    const firstPage = await timeline.locator("li[data-kind]").allTextContents();
    expect(firstPage.length).toBeGreaterThan(0);
    await timeline.getByRole("link", { name: "Load more" }).click();
    await expect(page).toHaveURL(/\?timeline=30#timeline-15$/);
    await expect(timeline.locator("li[data-kind]")).not.toHaveCount(firstPage.length);
    // The entries shown stay, in order, and the older ones follow them.
    const both = await timeline.locator("li[data-kind]").allTextContents();
    expect(both.slice(0, firstPage.length)).toEqual(firstPage);
    expect(both.slice(firstPage.length).filter((item) => firstPage.includes(item))).toEqual([]);
    await expect(timeline.getByRole("link", { name: "Back to newest" })).toHaveCount(0);
  });
});

test.describe("who sees edit controls", () => {
  test("a viewer sees no edit controls, the edit form is not found, and confidential projects stay hidden", async ({ browser }) => {
    const { context, page } = await openAs(browser, "viewer");
    const byd = await enterpriseIdByName(page, "BYD Co., Ltd.");
    await expect(page.locator("#contacts")).toContainText("林志强");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Remove) / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add contact" })).toHaveCount(0);
    expect((await page.goto(`/enterprises/${byd}/edit`))?.status()).toBe(404);

    await enterpriseIdByName(page, "Zhaoqing Dinghu Energy Storage Systems Co., Ltd.");
    await expect(page.locator("#projects")).toContainText("No projects you can see.");
    await expect(page.locator("main")).not.toContainText("保密");
    await context.close();
  });

  test("a manager edits their team's enterprises but not another team's", async ({ browser }) => {
    const { context, page } = await openAs(browser, "manager");
    await enterpriseIdByName(page, "BYD Co., Ltd.");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add contact" })).toBeVisible();

    const other = await enterpriseIdByName(page, "Shenzhen Energy Group Co., Ltd.");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add contact" })).toHaveCount(0);
    expect((await page.goto(`/enterprises/${other}/edit`))?.status()).toBe(404);
    await context.close();
  });
});
