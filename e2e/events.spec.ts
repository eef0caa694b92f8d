import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.use({ storageState: storageStatePath("staff") });

async function createEnterprise(page: Page, name: string) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(name);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
}

test("a docking meeting gets 5 participants at once, one new; an on-site signing is sourced from it", async ({ page }) => {
  test.setTimeout(90_000);
  const u = unique();
  const existing = ["Alpha", "Bravo", "Charlie", "Delta"].map((w) => `Events E2E ${w} ${u}`);
  const newcomer = `Events E2E Newco ${u}`;
  const eventName = `Lishui Docking Meeting ${u}`;
  for (const name of existing) await createEnterprise(page, name);

  // The event: a date range ending before it starts is refused on the end field.
  await page.goto("/events");
  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Kind").selectOption({ label: "Docking meeting" });
  await page.getByLabel("English name").fill(eventName);
  await page.getByLabel("Chinese name").fill(`溧水对接会${u}`);
  await page.getByLabel("Starts on").fill("2026-05-12");
  await page.getByLabel("Ends on").fill("2026-05-11");
  await page.getByLabel("City").fill("Nanjing");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByLabel("Ends on")).toHaveAccessibleDescription(/cannot end before it starts/);
  await expect(page.getByLabel("English name")).toHaveValue(eventName);
  await page.getByLabel("Ends on").fill("2026-05-13");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Event created")).toBeVisible();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const eventUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(eventName);

  // Five at once from a pasted list: four match existing enterprises, one is new.
  await page.getByLabel("Paste a list (one enterprise per line)").fill([`${existing[0]}, host`, ...existing.slice(1), `${newcomer}, foreign`].join("\n"));
  await page.getByRole("button", { name: "Match list" }).click();
  const staged = page.getByTestId("staged-row");
  await expect(staged).toHaveCount(5);
  await expect(staged.filter({ hasText: "Matched" })).toHaveCount(4);
  await expect(staged.filter({ hasText: "New" }).filter({ hasText: newcomer })).toHaveCount(1);
  await page.getByRole("button", { name: "Add 5 participants" }).click();
  await expect(page.getByText("5 participants added")).toBeVisible();

  const participants = page.getByRole("region", { name: /Participants/ });
  await expect(page.getByRole("heading", { name: "Participants (5)" })).toBeVisible();
  for (const name of [...existing, newcomer]) await expect(participants.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(participants.getByLabel(`Role of ${existing[0]}`)).toHaveValue("host");
  await expect(participants.getByLabel(`Role of ${newcomer}`)).toHaveValue("foreign");

  // On-site signing with the new enterprise: the project form arrives with the event as source.
  await participants.getByRole("link", { name: `Record signing with ${newcomer}` }).click();
  await expect(page).toHaveURL(/\/projects\/new\?/);
  await expect(page.getByLabel("Source event").locator("option:checked")).toHaveText(eventName);
  const projectName = `Newco plant ${u}`;
  await page.getByLabel("Project name").fill(projectName);
  await page.getByLabel("Starting stage").selectOption({ label: "Signed" });
  // Starting at Signed records the signing: its day, and the planned investment as the signed amount.
  await page.getByLabel("Signing date").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()));
  await page.getByLabel("Planned investment").fill("2");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.locator("main dl > div").filter({ hasText: "Source event or delegation" })).toContainText(eventName);

  await page.goto(eventUrl);
  await expect(page.getByRole("region", { name: "Projects from this event" }).getByRole("link", { name: projectName })).toBeVisible();
});

test("a CSV of foreign attendees with English names only is staged row by row; a row without a name is listed with its reason", async ({ page }) => {
  const u = unique();
  await page.goto("/events/new");
  await page.getByLabel("English name").fill(`Stuttgart Roadshow ${u}`);
  await page.getByLabel("Kind").selectOption({ label: "Roadshow" });
  await page.getByLabel("Starts on").fill("2026-09-15");
  await page.getByLabel("Ends on").fill("2026-09-15");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);

  // The demo's 比亚迪股份有限公司 is kept with the English name "BYD Co., Ltd.".
  const csv = ["企业名称,英文名称,国家,角色", ",BYD Company Limited,China,foreign", `,Roadshow Newco ${u} GmbH,Germany,speaker`, ",,Italy,attendee"].join("\r\n");
  await page.getByLabel("Import a CSV file").setInputFiles({ name: "roadshow.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  const staged = page.getByTestId("staged-row");
  await expect(staged).toHaveCount(2);
  await expect(staged.filter({ hasText: "Matched" })).toContainText("BYD Co., Ltd.");
  await expect(staged.filter({ hasText: "New" })).toHaveCount(1);
  await expect(page.getByLabel("English name of row 2")).toHaveValue(`Roadshow Newco ${u} GmbH`);
  const unusable = page.getByRole("region", { name: "1 row was not staged:" });
  await expect(unusable).toContainText("Row 4: It has neither a Chinese nor an English name.");

  await page.getByRole("button", { name: "Add 2 participants" }).click();
  await expect(page.getByText("2 participants added")).toBeVisible();
  const participants = page.getByRole("region", { name: /Participants/ });
  await expect(participants.getByRole("link", { name: "BYD Co., Ltd.", exact: true })).toBeVisible();
  await expect(participants.getByLabel("Role of BYD Co., Ltd.")).toHaveValue("foreign");
  await expect(participants.getByLabel(`Role of Roadshow Newco ${u} GmbH`)).toHaveValue("speaker");
});

test("the event list filters by kind and year, kept in the URL", async ({ page }) => {
  const u = unique();
  await page.goto("/events/new");
  await page.getByLabel("English name").fill(`Wuxi Forum ${u}`);
  await page.getByLabel("Kind").selectOption({ label: "Forum" });
  await page.getByLabel("Starts on").fill("2026-06-02");
  await page.getByLabel("Ends on").fill("2026-06-02");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);

  await page.goto("/events?kind=forum&year=2026");
  await expect(page.getByRole("link", { name: `Wuxi Forum ${u}` })).toBeVisible();
  await page.goto("/events?kind=expo&year=2026");
  await expect(page.getByRole("link", { name: `Wuxi Forum ${u}` })).toHaveCount(0);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("reads events but cannot create one or add participants", async ({ page }) => {
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New event" })).toHaveCount(0);
    const response = await page.goto("/events/new");
    expect(response?.status()).toBe(404);
  });
});
