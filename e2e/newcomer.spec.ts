import { expect, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { signInAtIdp } from "./support";

// The newcomer's journey, end to end in one browser: sign in through the identity provider,
// read the list, create an enterprise, find it by search, log a visit to it, start a project
// and move its card on the board. scripts/test/test-all.sh runs this spec a second time against the
// embedded database (PGlite), so the path `npm run demo` takes stays proven in a browser.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a newcomer signs in, creates an enterprise, finds it, logs a visit and moves its project", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = unique();
  const name = `Newcomer Journey ${tag} GmbH`;
  const project = `Newcomer project ${tag}`;

  await test.step("sign in and read the list", async () => {
    await page.goto("/");
    await signInAtIdp(page, "staff");
    await page.waitForURL((url) => url.href.startsWith(BASE_URL) && !url.pathname.startsWith("/api/auth"));
    await page.goto("/enterprises");
    await expect(page.getByRole("heading", { name: "Enterprises", level: 1 })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill("比亚");
    // The list follows the search box through the URL: wait for it, as a person waits for the list.
    await expect(page).toHaveURL(/q=%E6%AF%94%E4%BA%9A/);
    await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toBeVisible();
  });

  await test.step("create an enterprise", async () => {
    await page.getByRole("link", { name: "New enterprise" }).click();
    await page.getByLabel("English name").fill(name);
    await page.getByLabel("City").fill("Ulm");
    await page.getByRole("button", { name: "Create enterprise" }).click();
    // The toast (the new page's timeline says it too).
    await expect(page.getByRole("region", { name: /Notifications/ }).getByText("Enterprise created")).toBeVisible();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
  const enterpriseId = page.url().split("/").at(-1)!;

  await test.step("find it by a Latin prefix", async () => {
    await page.goto("/enterprises");
    await page.getByRole("searchbox", { name: "Search" }).fill(`newcomer journey ${tag}`);
    await expect(page).toHaveURL(/q=newcomer/);
    await expect(page.getByRole("link", { name })).toBeVisible();
    await expect(page.getByRole("link", { name: "BYD Co., Ltd." })).toHaveCount(0);
  });

  await test.step("log a visit", async () => {
    const summary = `Newcomer visit ${tag}`;
    await page.goto("/visits/new");
    await page.getByRole("combobox", { name: "Enterprise" }).fill(`newcomer journey ${tag}`);
    await page.getByRole("option", { name: new RegExp(name) }).first().click();
    await page.getByLabel("Summary").fill(summary);
    await page.getByRole("button", { name: "Save visit" }).click();
    await expect(page.getByText("Visit logged")).toBeVisible();
    await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
    await page.goto(`/enterprises/${enterpriseId}`);
    await expect(page.locator("#timeline")).toContainText(summary);
  });

  await test.step("start a project and move its card", async () => {
    await page.goto(`/projects/new?enterprise=${enterpriseId}`);
    await page.getByLabel("Project name").fill(project);
    await page.getByLabel("Starting stage").selectOption({ label: "Negotiating" });
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectId = page.url().split("/").at(-1)!;

    await page.goto("/pipeline?owner=me");
    await expect(page.locator("[data-board-ready=true]")).toBeVisible();
    const from = page.getByRole("region", { name: "Negotiating", exact: true });
    const to = page.getByRole("region", { name: "Site visit", exact: true });
    // Moved in steps, as a hand does: the board starts a drag once the pointer has moved a few pixels.
    await from.getByRole("listitem", { name: project, exact: true }).getByTestId("card-body").dragTo(to, { targetPosition: { x: 40, y: 20 }, steps: 12 });
    await expect(to.getByRole("listitem", { name: project, exact: true })).toBeVisible();
    await expect(page.getByText(`${project} moved to Site visit.`).first()).toBeVisible();

    await page.goto(`/projects/${projectId}`);
    await expect(page.getByRole("main")).toContainText("Site visit");
  });
});
