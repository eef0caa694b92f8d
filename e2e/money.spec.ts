import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support";

// The review dashboard shows every amount of a table in one unit, named in the header:
// 万元/亿元 in Chinese, CNY thousand/million in English; the CSV holds exact yuan.
// The funnel's "In production" row is two seeded projects no spec moves:
// 比亚迪肇庆动力电池基地二期 (2,000,000,000) and 精密连接器智能制造项目 (180,000,000).
const TEXT = {
  en: {
    funnel: "Funnel by current stage", production: "In production", header: "Planned amount (CNY million)", value: "2,180.00",
    csvHeader: "Stage,Projects,Planned amount (CNY)", export: "Export CSV", divisor: 1e6, unitLabel: /\((CNY (thousand|million))\)$/,
  },
  "zh-CN": {
    funnel: "按当前阶段的项目漏斗", production: "投产", header: "计划投资额（亿元）", value: "21.80",
    csvHeader: "阶段,项目数,计划投资额（元）", export: "导出 CSV", divisor: 1e8, unitLabel: /（(万元|亿元)）$/,
  },
} as const;

const UNIT_DIVISOR: Record<string, number> = { "CNY thousand": 1e3, "CNY million": 1e6, 万元: 1e4, 亿元: 1e8 };

/** The funnel's CSV: exact yuan per stage, as the export writes it. */
async function funnelCsv(page: Page, exportName: string) {
  const section = page.getByRole("region", { name: TEXT.en.funnel }).or(page.getByRole("region", { name: TEXT["zh-CN"].funnel }));
  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: new RegExp(exportName) }).click();
  const csv = await readFile((await (await downloading).path())!, "utf8");
  return csv.slice(1).trim().split("\r\n");
}

for (const width of [1440, 390]) {
  for (const locale of ["en", "zh-CN"] as const) {
    test.describe(`review amounts at ${width} px in ${locale}`, () => {
      test.use({ storageState: storageStatePath("manager"), locale, viewport: { width, height: 900 } });

      test(`the header names the unit the amounts are in (${width} px, ${locale})`, async ({ page }, testInfo) => {
        const text = TEXT[locale];
        await page.goto("/review?year=2025");
        const funnel = page.getByRole("table", { name: text.funnel });
        await expect(funnel.getByRole("columnheader").nth(2)).toHaveText(text.header);
        const production = funnel.getByRole("row").filter({ has: page.getByRole("rowheader", { name: text.production, exact: true }) });
        await expect(production.getByRole("cell").nth(1)).toHaveText(text.value);
        // No cell repeats a unit: the values are bare numbers.
        for (const cell of await funnel.getByRole("cell").allTextContents()) expect(cell).toMatch(/^[\d,.]+$/);

        // Every money column of every table names one unit, and its values are the CSV's exact yuan in it.
        const csv = await funnelCsv(page, text.export);
        expect(csv[0]).toBe(text.csvHeader);
        const unit = text.header.match(text.unitLabel)![1]!;
        const rows = await funnel.getByRole("row").all();
        for (const [i, line] of csv.slice(1).entries()) {
          const yuan = Number(line.split(",").at(-1));
          const shown = (await rows[i + 1]!.getByRole("cell").nth(1).textContent())!;
          expect(Number(shown.replaceAll(",", ""))).toBeCloseTo(yuan / UNIT_DIVISOR[unit]!, 2);
        }
        expect(UNIT_DIVISOR[unit]).toBe(text.divisor);
        const headers = await page.locator("table[data-review-table] th[scope=col]").allTextContents();
        const withUnits = headers.filter((h) => text.unitLabel.test(h));
        expect(withUnits.length).toBeGreaterThanOrEqual(7);
        expect(headers.join(" ")).not.toMatch(/[（(]元[）)]|× ?100M|10k/);

        await expect(page.locator("svg.chart-surface").first()).toBeVisible();
        const path = testInfo.outputPath(`review-money-${locale}-${width}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`review-money-${locale}-${width}`, { path, contentType: "image/png" });
      });
    });
  }
}
