import { type Browser, type BrowserContextOptions, expect, type Locator, type Page } from "@playwright/test";
import { storageStatePath } from "./support";

// The steps the pipeline specs share (e2e/pipeline.spec.ts, e2e/board.spec.ts).

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A calendar day in Asia/Shanghai, `daysAgo` days before today, as a date input takes it. */
export const shanghaiDay = (daysAgo = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(Date.now() - daysAgo * 86_400_000);

/** A fresh enterprise and a project of it at `stage`, created through the forms (in English); returns the project's id. */
export async function createProject(page: Page, opts: { name: string; stage: string; amount: string; unit: string }) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`Pipeline Test Co ${unique()}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const enterpriseId = page.url().split("/").at(-1)!;
  await page.goto(`/projects/new?enterprise=${enterpriseId}`);
  await page.getByLabel("Project name").fill(opts.name);
  await page.getByLabel("Starting stage").selectOption({ label: opts.stage });
  // Starting at Signed records the signing: its day (the planned amount is the signed one).
  if (opts.stage === "Signed") await page.getByLabel("Signing date").fill(shanghaiDay(1));
  await page.getByLabel("Planned investment").fill(opts.amount);
  await page.getByLabel("Unit").selectOption({ label: opts.unit });
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(opts.name);
  return page.url().split("/").at(-1)!;
}

/** Opens the board and waits until it is interactive (hydrated), so a drag is not lost. */
export async function openBoard(page: Page, path = "/pipeline") {
  await page.goto(path);
  await expect(page.locator("[data-board-ready=true]")).toBeVisible();
}

export const column = (page: Page, stage: string) => page.getByRole("region", { name: stage, exact: true });
export const card = (scope: Page | Locator, name: string) => scope.getByRole("listitem", { name, exact: true });

/**
 * Drags a card by its body (not its link or its menu) with the mouse, as a person would: pressed,
 * moved in small steps (the board starts a drag only once the pointer has moved a few pixels),
 * released on the column's header (a long column's centre can be below the window).
 */
export const drag = (page: Page, name: string, from: string, to: string) =>
  card(column(page, from), name).getByTestId("card-body").dragTo(column(page, to), { targetPosition: { x: 40, y: 20 }, steps: 12 });

export async function contextAs(browser: Browser, persona: "staff" | "staff2" | "manager" | "viewer", options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ storageState: storageStatePath(persona), ...options });
  return { context, page: await context.newPage() };
}
