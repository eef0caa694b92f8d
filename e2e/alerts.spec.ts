import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

const SIGNED = "昊能科技储能变流器生产基地";
const STALLED = "港通独立储能电站";

test.describe("alerts as a manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("shows the seeded alerts and assigning one gives the teammate a follow-up", async ({ page, browser }) => {
    await page.goto("/review/alerts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alerts");
    const stalled = page.getByRole("region", { name: /Stalled projects/ });
    await expect(stalled.getByRole("link", { name: STALLED, exact: true })).toBeVisible();
    const signed = page.getByRole("region", { name: /Signed but not started/ });
    const row = signed.getByRole("listitem").filter({ has: page.getByRole("link", { name: SIGNED, exact: true }) });
    await expect(row).toContainText("Mar 18, 2024");

    // The threshold lives in the URL; out-of-range values are clamped.
    await stalled.getByLabel("No activity for (days)").fill("90");
    await stalled.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/stalledDays=90/);
    await expect(page.getByRole("region", { name: /Stalled projects/ }).getByRole("link", { name: STALLED, exact: true })).toBeVisible();
    await page.goto("/review/alerts?stalledDays=3");
    await expect(page.getByLabel("No activity for (days)")).toHaveValue("7");

    const projectHref = await row.getByRole("link", { name: SIGNED, exact: true }).getAttribute("href");
    await page.getByRole("region", { name: /Signed but not started/ }).getByRole("button", { name: `Assign… ${SIGNED}` }).click();
    const form = page.getByRole("form", { name: `Assign… ${SIGNED}` });
    await form.getByRole("button", { name: "Create follow-up" }).click();
    await expect(form.getByLabel("Assign to")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Assign to").selectOption({ label: "李明" });
    await form.getByRole("button", { name: "Create follow-up" }).click();
    await expect(page.getByText("Follow-up created for the assignee.")).toBeVisible();

    // The assignee finds it on the project's follow-ups.
    const context = await browser.newContext({ storageState: storageStatePath("staff") });
    const staffPage = await context.newPage();
    await staffPage.goto(projectHref!);
    const item = staffPage.getByRole("listitem", { name: `督促开工：签约超期未开工（${SIGNED}）` });
    await expect(item).toBeVisible();
    await expect(item).toContainText("李明");
    await context.close();
  });

  test("sets the team's target for a year in 万元, exactly, and refuses a bad amount", async ({ page }, testInfo) => {
    // A year nobody else's test reads, so the seeded 2025/2026 targets stay as they are.
    await page.goto("/review/targets?year=2031");
    const form = page.getByRole("form", { name: /New-energy vehicles team · 2031/ });
    await expect(form).toContainText("Not set yet");
    await form.getByLabel("Signed amount").fill("12.345");
    await form.getByLabel("Funds in place").fill("30000");
    await form.getByLabel("Projects signed").fill("3");
    await form.getByLabel("Projects started").fill("2");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(form.getByLabel("Signed amount")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Funds in place")).toHaveValue("30000");
    await form.getByLabel("Signed amount").fill("123456.78");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(page.getByText("Target saved.")).toBeVisible();
    await page.reload();
    const saved = page.getByRole("form", { name: /New-energy vehicles team · 2031/ });
    await expect(saved).not.toContainText("Not set yet");
    // 123456.78 万元 is stored as 1234567800 yuan and shown back in the largest unit that stays exact to two decimals.
    await expect(saved.getByLabel("Signed amount")).toHaveValue("123456.78");
    await expect(saved.getByLabel("Unit").first()).toHaveValue("wan");
    await expect(saved.getByLabel("Funds in place")).toHaveValue("3");
    await expect(saved.getByLabel("Unit").nth(1)).toHaveValue("yi");
    await page.goto("/review/alerts");
    const path = testInfo.outputPath("alerts-en.png");
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach("alerts-en", { path, contentType: "image/png" });
  });
});

test.describe("a target set behind an open form", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("the form shows the other person's figures in their units beside the typed ones, takes theirs and saves", async ({ page, browser }) => {
    // A year nobody else's test reads; the manager opens it before anyone has set it.
    await page.goto("/review/targets?year=2032");
    const form = page.getByRole("form", { name: /New-energy vehicles team · 2032/ });
    await expect(form).toContainText("Not set yet");

    // An admin sets it first.
    const context = await browser.newContext({ storageState: storageStatePath("admin") });
    const admin = await context.newPage();
    await admin.goto("/review/targets?year=2032");
    const theirs = admin.getByRole("form", { name: /New-energy vehicles team · 2032/ });
    await theirs.getByLabel("Signed amount").fill("5");
    await theirs.getByLabel("Unit").first().selectOption("yi");
    await theirs.getByLabel("Funds in place").fill("800");
    await theirs.getByLabel("Projects signed").fill("4");
    await theirs.getByLabel("Projects started").fill("2");
    await theirs.getByRole("button", { name: "Save target" }).click();
    await expect(admin.getByText("Target saved.")).toBeVisible();
    await context.close();

    await form.getByLabel("Signed amount").fill("12");
    await form.getByLabel("Funds in place").fill("800");
    await form.getByLabel("Projects signed").fill("6");
    await form.getByLabel("Projects started").fill("2");
    await form.getByRole("button", { name: "Save target" }).click();
    const panel = form.getByRole("alert").filter({ hasText: "Someone else saved this target while you were editing it" });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("刘洋");
    // The amount reads in its unit, on one row.
    const signed = panel.getByRole("row", { name: /^Signed amount/ });
    await expect(signed).toHaveCount(1);
    await expect(signed.getByRole("cell").first()).toHaveText("5 × 100M yuan (亿元)");
    await expect(signed.getByRole("cell").last()).toHaveText("12 × 10k yuan (万元)");
    await expect(panel.getByRole("row", { name: /^Projects signed/ }).getByRole("cell")).toHaveText(["4", "6"]);
    // Figures both sides agree on are not listed.
    await expect(panel.getByRole("row", { name: /^Projects started/ })).toHaveCount(0);
    await expect(form.getByLabel("Signed amount")).toHaveValue("12");

    await panel.getByRole("button", { name: "Use their version" }).click();
    await expect(panel).toBeHidden();
    await expect(form.getByLabel("Signed amount")).toHaveValue("5");
    await expect(form.getByLabel("Unit").first()).toHaveValue("yi");
    await expect(form.getByLabel("Projects signed")).toHaveValue("4");
    await form.getByLabel("Projects started").fill("3");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(page.getByText("Target saved.")).toBeVisible();
    await page.reload();
    const saved = page.getByRole("form", { name: /New-energy vehicles team · 2032/ });
    await expect(saved.getByLabel("Signed amount")).toHaveValue("5");
    await expect(saved.getByLabel("Projects signed")).toHaveValue("4");
    await expect(saved.getByLabel("Projects started")).toHaveValue("3");
  });
});

for (const locale of ["en", "zh-CN"] as const) {
  test.describe(`chain map in ${locale}`, () => {
    test.use({ storageState: storageStatePath("manager"), locale });

    test(`shows nodes with counts and gaps (${locale})`, async ({ page }, testInfo) => {
      await page.goto("/review/chains");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Industrial-chain map" : "产业链图谱");
      // 电控系统 is left without enterprises in the seed on purpose.
      const gap = page.getByRole("listitem", { name: locale === "en" ? "Electronic controls" : "电控系统", exact: true });
      await expect(gap).toHaveAttribute("data-gap", "true");
      await expect(gap).toContainText(locale === "en" ? "Gap — where to hunt next" : "空白环节");
      await expect(gap.getByRole("link", { name: locale === "en" ? "Find leads" : "查找线索" })).toHaveAttribute("href", /\/enterprises\?node=[0-9a-f-]{36}$/);
      const battery = page.getByRole("listitem", { name: locale === "en" ? "Power batteries" : "动力电池", exact: true });
      await expect(battery).not.toHaveAttribute("data-gap");
      const path = testInfo.outputPath(`chain-map-${locale}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`chain-map-${locale}`, { path, contentType: "image/png" });
    });
  });
}
