import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh enterprise and project of the signed-in staff member; returns the project page's URL. */
async function createProject(page: Page) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`My Day Test Co ${unique()}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  await page.goto(`/projects/new?enterprise=${page.url().split("/").at(-1)}`);
  await page.getByLabel("Project name").fill(`My Day Project ${unique()}`);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

test.describe("my day", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("a follow-up created from a project is due today in My day and is completed with an outcome", async ({ page }) => {
    await createProject(page);
    const title = `Call about the land quote ${unique()}`;
    const followUps = page.getByRole("region", { name: "Follow-ups" });
    await followUps.getByText("New follow-up").click();
    await followUps.getByLabel("What needs doing?").fill(title);
    await followUps.getByLabel("Kind").selectOption({ label: "Call" });
    await followUps.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText("Follow-up added")).toBeVisible();
    await expect(followUps.getByRole("listitem", { name: title })).toBeVisible();

    await page.goto("/my-day");
    const today = page.getByRole("region", { name: /^Today/ });
    const item = today.getByRole("listitem", { name: title });
    await expect(item).toBeVisible();

    // An outcome is required.
    await item.getByRole("button", { name: "Done…" }).click();
    await item.getByRole("button", { name: "Mark as done" }).click();
    await expect(item.getByLabel("What came of it?")).toHaveAccessibleDescription("This field is required.");
    await item.getByLabel("What came of it?").fill("They will send the quote on Monday");
    await item.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByText("Follow-up done")).toBeVisible();
    await expect(today.getByRole("listitem", { name: title })).toHaveCount(0);
  });

  test("a follow-up rescheduled beyond the next seven days leaves My day", async ({ page }) => {
    await createProject(page);
    const title = `Send the policy pack ${unique()}`;
    const followUps = page.getByRole("region", { name: "Follow-ups" });
    await followUps.getByText("New follow-up").click();
    await followUps.getByLabel("What needs doing?").fill(title);
    await followUps.getByRole("button", { name: "Add follow-up" }).click();
    await expect(followUps.getByRole("listitem", { name: title })).toBeVisible();

    await page.goto("/my-day");
    const item = page.getByRole("region", { name: /^Today/ }).getByRole("listitem", { name: title });
    await item.getByRole("button", { name: "Reschedule…" }).click();
    await item.getByLabel("New due date").fill("2099-01-05");
    await item.getByRole("button", { name: "Save new date" }).click();
    await expect(page.getByText("Follow-up rescheduled")).toBeVisible();
    // Beyond the next seven days it leaves My day.
    await expect(page.getByRole("listitem", { name: title })).toHaveCount(0);
  });
});

test.describe("my day, rescheduled by two people", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("a follow-up rescheduled behind an open form: the form shows their date beside the typed one, takes theirs and saves", async ({ page, browser }) => {
    const projectUrl = await createProject(page);
    const title = `Confirm the site visit ${unique()}`;
    const followUps = page.getByRole("region", { name: "Follow-ups" });
    await followUps.getByText("New follow-up").click();
    await followUps.getByLabel("What needs doing?").fill(title);
    await followUps.getByRole("button", { name: "Add follow-up" }).click();
    await expect(followUps.getByRole("listitem", { name: title })).toBeVisible();

    await page.goto("/my-day");
    const item = page.getByRole("region", { name: /^Today/ }).getByRole("listitem", { name: title });
    await item.getByRole("button", { name: "Reschedule…" }).click();

    // The team's manager moves it first, from the project's page.
    const context = await browser.newContext({ storageState: storageStatePath("manager") });
    const manager = await context.newPage();
    await manager.goto(projectUrl);
    const theirs = manager.getByRole("region", { name: "Follow-ups" }).getByRole("listitem", { name: title });
    await theirs.getByRole("button", { name: "Reschedule…" }).click();
    await theirs.getByLabel("New due date").fill("2099-02-01");
    await theirs.getByRole("button", { name: "Save new date" }).click();
    await expect(manager.getByText("Follow-up rescheduled")).toBeVisible();
    await context.close();

    await item.getByLabel("New due date").fill("2099-01-05");
    await item.getByRole("button", { name: "Save new date" }).click();
    const panel = item.getByRole("alert").filter({ hasText: "Someone else changed this follow-up while you were editing it" });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("张伟");
    const row = panel.getByRole("row", { name: /^New due date/ });
    await expect(row.getByRole("cell").first()).toHaveText("Feb 1, 2099");
    await expect(row.getByRole("cell").last()).toHaveText("Jan 5, 2099");
    await expect(item.getByLabel("New due date")).toHaveValue("2099-01-05");

    await panel.getByRole("button", { name: "Use their version" }).click();
    await expect(panel).toBeHidden();
    await expect(item.getByLabel("New due date")).toHaveValue("2099-02-01");
    await item.getByRole("button", { name: "Save new date" }).click();
    await expect(page.getByText("Follow-up rescheduled")).toBeVisible();
    await expect(page.getByRole("listitem", { name: title })).toHaveCount(0);
  });
});

test.describe("my day as a manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("a manager switches to the team's follow-ups", async ({ page }) => {
    await page.goto("/my-day");
    await page.getByRole("link", { name: "My team" }).click();
    await expect(page).toHaveURL(/scope=team/);
    await expect(page.getByRole("link", { name: "My team" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("region", { name: /^Overdue/ })).toBeVisible();
  });
});
