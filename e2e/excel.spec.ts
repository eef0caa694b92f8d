import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { pdfPagesText } from "./pdf-text";
import { storageStatePath } from "./support";

// Excel in and out, and the monthly report on paper. The PDF's text is read by e2e/pdf-text.ts
// (no PDF library is a dependency, and poppler's pdftotext is not installed here).

test.describe("Excel", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("an .xlsx exported from the enterprise list re-imports as duplicates only", async ({ page }) => {
    // A seeded city, so the file is small and every row exists before the export is taken.
    await page.goto("/enterprises?q=%E6%B7%B1%E5%9C%B3");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^enterprises-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await readFile((await download.path())!);

    // A real workbook: a bold, frozen header and typed cells.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Chinese name");
    expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows = sheet.actualRowCount - 1;
    expect(rows).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(11).value).toBeInstanceOf(Date);

    await page.goto("/enterprises/import");
    await page.getByLabel("CSV file or Excel workbook").setInputFiles({ name: "enterprises.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
    await expect(page.getByRole("heading", { name: "Match the columns" })).toBeVisible();
    await expect(page.getByLabel("Import column “Chinese name” as")).toHaveValue("nameZh");
    await expect(page.getByLabel("Import column “Unified social credit code” as")).toHaveValue("creditCode");
    await page.getByRole("button", { name: "Check rows" }).click();

    await expect(page.getByRole("heading", { name: "Check result" })).toBeVisible();
    const filters = page.getByRole("group", { name: "Show rows" });
    await expect(filters.getByRole("button", { name: `Duplicate ${rows}` })).toBeVisible();
    await expect(filters.getByRole("button", { name: /^New [1-9]/ })).toHaveCount(0);
    await expect(filters.getByRole("button", { name: /^Invalid [1-9]/ })).toHaveCount(0);
    await expect(page.getByText("There are no new rows to import.")).toBeVisible();
  });

  test("a file named .xlsx that is not a workbook is refused with a clear message", async ({ page }) => {
    await page.goto("/enterprises/import");
    await page.getByLabel("CSV file or Excel workbook").setInputFiles({ name: "list.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("企业名称\r\n比亚迪\r\n", "utf8") });
    await expect(page.getByText("This file is not an Excel workbook (.xlsx), or it is incomplete.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Match the columns" })).toHaveCount(0);
  });

  test("the pipeline list and a review table download as workbooks beside their CSV", async ({ page }) => {
    await page.goto("/pipeline?view=list&status=all");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^pipeline-.*\.csv$/);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export Excel" }).click()]);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await xlsx.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("Planned amount (CNY)");
    const csvLines = (await readFile((await csv.path())!, "utf8")).trim().split(/\r\n/);
    expect(sheet.actualRowCount).toBe(csvLines.length);
    // Amounts are numbers with a number format, not text.
    const amountColumn = header.indexOf("Planned amount (CNY)") + 1;
    const amounts = [...Array(sheet.actualRowCount - 1).keys()].map((i) => sheet.getRow(i + 2).getCell(amountColumn)).filter((c) => c.value !== null);
    expect(amounts.length).toBeGreaterThan(0);
    for (const cell of amounts) {
      expect(typeof cell.value).toBe("number");
      expect(cell.numFmt).toBe("#,##0.00");
    }

    const review = await page.request.get("/api/review/export?table=monthly&year=2025&format=xlsx");
    expect(review.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const table = new ExcelJS.Workbook();
    await table.xlsx.load(await review.body().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
    // The header names the unit: exact yuan (the request's language decides the words).
    expect((table.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^(Signed amount \(CNY\)|签约额（元）)$/)]));
    expect(typeof table.worksheets[0]!.getRow(13).getCell(2).value).toBe("number");
  });
});

test.describe("the monthly report", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("prints to an A4 PDF holding the month's signed projects, the bureau's name and page numbers", async ({ page }) => {
    // October 2026: the demo data signs projects that month.
    await page.goto("/review/monthly?month=2026-10");
    await expect(page.getByRole("heading", { level: 1, name: "Monthly investment promotion report" })).toBeVisible();
    const milestones = page.getByRole("table", { name: "Projects signed, registered, started and in production this month" });
    const signedRows = milestones.getByRole("row").filter({ has: page.getByRole("cell", { name: "Signed", exact: true }) });
    const names = await signedRows.evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[1]!.textContent!.trim()));
    expect(names.length).toBeGreaterThan(0);

    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = pdfPagesText(pdf);
    expect(pages.length).toBeGreaterThan(0);
    // NFKC: the PDF's fonts map some Han characters to their Kangxi radical forms (⽬ for 目) and "fi" to a ligature.
    const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
    const all = squash(pages.join(""));
    for (const name of names) expect(all, `the PDF names ${name}`).toContain(squash(name));
    // The page-margin boxes: the bureau's name on every page, "Page n of m" at the bottom.
    expect(squash(pages[0]!)).toContain(squash("Municipal Investment Promotion Bureau"));
    expect(squash(pages[0]!)).toContain(squash(`Page 1 of ${pages.length}`));
    // The app's own header is not printed.
    expect(all).not.toContain(squash("Skip to content"));
  });

  test("downloads the same report as a workbook, one sheet per section", async ({ page }) => {
    const response = await page.request.get("/api/review/monthly?month=2026-10");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="monthly-report-2026-10.xlsx"');
    const workbook = new ExcelJS.Workbook();
    const body = await response.body();
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toHaveLength(5);
    expect((await page.request.get("/api/review/monthly?month=2026-13")).status()).toBe(400);
    expect((await page.request.get("/review/monthly?month=oops")).status()).toBe(404);
  });
});
