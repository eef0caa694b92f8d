import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

const TEXT = {
  en: { title: "Pipeline review", funnel: "Funnel by current stage", stage: "Intent / MoU", export: "Export CSV", header: "Stage,Projects,Planned amount (CNY)" },
  "zh-CN": { title: "项目盘点", funnel: "按当前阶段的项目漏斗", stage: "意向", export: "导出 CSV", header: "阶段,项目数,计划投资额（元）" },
} as const;

test.describe("the review page's weight", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("the server sends the tables; the charts are drawn in the browser", async ({ page }) => {
    const html = await (await page.request.get("/review?year=2025")).text();
    expect(html).toContain("data-review-table");
    expect(html).not.toContain("chart-surface");
  });

  test("on a phone the page and its charts fit the screen's width", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/review?year=2025");
    await expect(page.locator("svg.chart-surface").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.locator("svg.chart-surface").first().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});

for (const locale of ["en", "zh-CN"] as const) {
  test.describe(`pipeline review in ${locale}`, () => {
    test.use({ storageState: storageStatePath("manager"), locale });

    test(`a manager reads every figure as a table and exports it (${locale})`, async ({ page }, testInfo) => {
      const text = TEXT[locale];
      await page.goto("/review?year=2025");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
      // Nine figures, each a captioned table with its export link.
      await expect(page.locator("table[data-review-table] caption")).toHaveCount(9);
      const funnel = page.getByRole("table", { name: text.funnel });
      await expect(funnel.getByRole("rowheader", { name: text.stage, exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: new RegExp(text.export) })).toHaveCount(9);
      // The charts are drawn in the browser once the page is up; the funnel's has a bar per stage.
      const funnelChart = page.getByRole("region", { name: text.funnel }).locator("svg.chart-surface");
      await expect(funnelChart.locator("rect.chart-bar")).toHaveCount(9);
      // The month-by-month chart is two lines of twelve points.
      await expect(page.locator("svg.chart-surface polyline")).toHaveCount(2);

      const path = testInfo.outputPath(`review-${locale}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`review-${locale}`, { path, contentType: "image/png" });

      const section = page.getByRole("region", { name: text.funnel });
      const downloading = page.waitForEvent("download");
      await section.getByRole("link", { name: new RegExp(text.export) }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("review-funnel-2025.csv");
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.slice(1).split("\r\n")[0]).toBe(text.header);
      expect(csv).toContain(`${text.stage},`);
    });
  });
}
