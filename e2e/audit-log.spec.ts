import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("an admin filters the audit log to one enterprise and sees an edit's before and after", async ({ browser }) => {
  const name = `Audit Trail Materials ${unique()}`;
  const staff = await browser.newContext({ storageState: storageStatePath("staff") });
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  try {
    // A member of staff creates an enterprise in 南京 and then moves it to 苏州.
    const page = await staff.newPage();
    await page.goto("/enterprises/new");
    await page.getByLabel("English name").fill(name);
    await page.getByLabel("City").fill("南京");
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").at(-1)!;
    // Staff see no way into the log, and the log itself does not exist for them.
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    expect((await page.goto(`/admin/audit?type=enterprise&record=${id}`))?.status()).toBe(404);
    await page.goto(`/enterprises/${id}/edit`);
    await page.getByLabel("City").fill("苏州");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/enterprises/${id}$`));
    await expect(page.locator("main dl")).toContainText("苏州");

    // The admin goes from the enterprise to its log.
    const log = await admin.newPage();
    await log.goto(`/enterprises/${id}`);
    await log.getByRole("link", { name: "Audit log" }).click();
    await expect(log).toHaveURL(new RegExp(`/admin/audit\\?type=enterprise&record=${id}$`));
    const entries = log.getByRole("list", { name: "Audit log" }).getByRole("article");
    await expect(entries).toHaveCount(2);
    const edit = entries.first();
    await expect(edit.getByText("enterprise.update", { exact: true })).toBeVisible();
    await expect(edit.getByRole("link", { name })).toHaveAttribute("href", `/enterprises/${id}`);
    const city = edit.getByRole("row", { name: /^city/ });
    await expect(city.getByRole("cell").nth(0)).toHaveText("南京");
    await expect(city.getByRole("cell").nth(1)).toHaveText("苏州");
    await expect(entries.nth(1).getByText("enterprise.create", { exact: true })).toBeVisible();

    // The same through the filter form, and out as CSV.
    await log.goto("/admin/audit");
    await log.getByLabel("Kind of record").selectOption({ label: "Enterprise" });
    await log.getByLabel("Record ID").fill(id);
    await log.getByRole("button", { name: "Filter" }).click();
    await expect(entries).toHaveCount(2);
    const download = log.waitForEvent("download");
    await log.getByRole("link", { name: "Export CSV" }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    });
    expect(csv.split("\n").filter((line) => line.includes(id))).toHaveLength(2);
    expect(csv).toContain("enterprise.update");
    expect(csv).toContain("苏州");

    // Sign-ins and the export just made are in the log too.
    await log.goto("/admin/audit?action=auth.sign_in");
    await expect(entries.first().getByText("auth.sign_in", { exact: true })).toBeVisible();
    await log.goto("/admin/audit?action=audit.export");
    await expect(entries.first().getByText("audit.export", { exact: true })).toBeVisible();
    // So are downloads of records, with the query that chose them.
    expect((await page.request.get("/api/enterprises/export?q=Audit%20Trail")).status()).toBe(200);
    await log.goto("/admin/audit?action=export.");
    await expect(entries.first().getByText("export.enterprises", { exact: true })).toBeVisible();
    await expect(entries.first().getByRole("row", { name: /^query/ })).toContainText("Audit Trail");
  } finally {
    await staff.close();
    await admin.close();
  }
});

test("a project's page shows its history to those who may see it; admins also get the full log", async ({ browser }) => {
  const staff = await browser.newContext({ storageState: storageStatePath("staff") });
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  try {
    const page = await staff.newPage();
    await page.goto("/enterprises/new");
    await page.getByLabel("English name").fill(`History Test Works ${unique()}`);
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await page.goto(`/projects/new?enterprise=${page.url().split("/").at(-1)}`);
    await page.getByLabel("Project name").fill("Cathode line, phase 1");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();
    await page.getByRole("link", { name: "Edit" }).first().click();
    await page.getByLabel("Project name").fill("Cathode line, phase 2");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cathode line, phase 2");

    await page.getByText("History", { exact: true }).click();
    const history = page.locator("details").filter({ hasText: "History" });
    const edit = history.getByRole("listitem").filter({ hasText: "Details edited" });
    await expect(edit.getByRole("row", { name: /Project name/ }).getByRole("cell")).toHaveText(["Cathode line, phase 1", "Cathode line, phase 2"]);
    await expect(history.getByRole("listitem").filter({ hasText: "Project created" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);

    const log = await admin.newPage();
    await log.goto(projectUrl);
    await log.getByRole("link", { name: "Audit log" }).click();
    await expect(log.getByRole("list", { name: "Audit log" }).getByRole("article")).toHaveCount(2);
  } finally {
    await staff.close();
    await admin.close();
  }
});

test("the audit log at 390 px in Chinese: filters and entries fit the screen", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStatePath("admin"), viewport: { width: 390, height: 844 }, locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN" } });
  try {
    const page = await admin.newPage();
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("操作日志");
    await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  } finally {
    await admin.close();
  }
});
