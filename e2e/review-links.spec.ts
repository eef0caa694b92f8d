import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

test.use({ storageState: storageStatePath("manager"), locale: "en" });

// 2025's signings are history: projects other specs create or move now do not change them, so the
// figure and the list read at two moments still agree.
test("a dashboard figure opens the list of exactly its projects", async ({ page }) => {
  await page.goto("/review?year=2025");
  const december = page.locator('table[data-review-table="monthly"] tbody tr').last();
  // Month by month: signed amount, funds in place, projects signed, projects started.
  const cell = december.locator("td").nth(2).getByRole("link");
  const figure = Number((await cell.textContent())!.replace(/,/g, ""));
  expect(figure).toBeGreaterThan(0);
  await cell.click();
  await expect(page).toHaveURL(/\/pipeline\?.*view=list/);
  await expect(page.getByTestId("figure-filters")).toContainText("Signed 2025-01 – 2025-12");
  await expect(page.getByTestId("list-total")).toHaveAttribute("data-count", String(figure));
  await expect(page.getByTestId("list-total")).toContainText(`${figure} ${figure === 1 ? "project" : "projects"} in all`);
  await expect(page.locator("tr[data-project-id]")).toHaveCount(figure);
  // The list's island refetches through the API with the same filters: the same projects, not one column's page.
  const search = new URL(page.url()).searchParams;
  search.delete("view");
  const data = (await (await page.request.get(`/api/pipeline?${search}`)).json()) as { columns: { count: number }[] };
  expect(data.columns.reduce((n, c) => n + c.count, 0)).toBe(figure);
});

test("a funnel bar opens the projects at its stage", async ({ page }) => {
  await page.goto("/review?year=2025");
  const row = page.locator('table[data-review-table="funnel"] tbody tr').first();
  const link = row.locator("td").first().getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toContain("inStage=lead");
  const bar = page.locator(`svg.chart-surface a[href="${href}"]`);
  await expect(bar).toHaveCount(1);
  await bar.click();
  await expect(page).toHaveURL(/inStage=lead/);
  await expect(page.getByTestId("figure-filters")).toContainText("Stage: Lead");
  await expect(page.locator("tbody[data-stage]")).toHaveCount(1);
});
