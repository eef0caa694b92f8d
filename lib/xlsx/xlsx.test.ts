import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { parseCsvRecords } from "@/lib/csv/parse";
import { csvRow, toCsv } from "@/lib/csv/write";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { previewImport } from "@/lib/enterprises/actions/import-enterprises";
import { guessMapping, mapRecords } from "@/lib/enterprises/import/fields";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { cellText, col, columnsOf, type ExportSheet } from "./cells";
import { readWorkbookRecords, XlsxReadError } from "./read";
import { workbookProblem, zipDirectory } from "./sniff";
import { xlsxBytes } from "./write";

interface Row {
  name: string;
  code: string;
  jobs: number;
  amount: string;
  signedOn: string;
  created: Date;
  share: string;
}

const ROWS: Row[] = [
  { name: "比亚迪股份有限公司", code: "91440300192317458F", jobs: 1200, amount: "472000000.00", signedOn: "2026-03-15", created: new Date("2026-11-21T01:30:00Z"), share: "66.67" },
  { name: "=HYPERLINK(\"x\")", code: "123456789012345678", jobs: 0, amount: "0.10", signedOn: "2026-12-31", created: new Date("2026-01-01T15:59:00Z"), share: "100.00" },
];

const defs = [
  col.text<Row>("名称", (r) => r.name, 30),
  col.text<Row>("统一社会信用代码", (r) => r.code),
  col.count<Row>("就业人数", (r) => r.jobs),
  col.yuan<Row>("计划投资额（元）", (r) => r.amount),
  col.date<Row>("签约日期", (r) => r.signedOn),
  col.datetime<Row>("创建时间", (r) => r.created),
  col.percent<Row>("完成率", (r) => r.share),
];
const { columns, cells } = columnsOf(defs);
const sheet = (): ExportSheet => ({ name: "企业", columns, rows: [ROWS.map(cells)] });

describe("xlsx writer and reader", () => {
  it("writes typed cells under a bold, frozen header, and reads back what the CSV says", async () => {
    const bytes = await xlsxBytes([sheet()]);
    expect(workbookProblem(bytes)).toBeNull();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("企业");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(18);
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe("91440300192317458F");
    expect(row.getCell(3).value).toBe(1200);
    expect(row.getCell(4).value).toBe(472000000);
    expect(row.getCell(4).numFmt).toBe("#,##0.00");
    expect(row.getCell(5).value).toEqual(new Date("2026-03-15T00:00:00Z"));
    expect(row.getCell(5).numFmt).toBe("yyyy-mm-dd");
    // 01:30 UTC is 09:30 in the bureau's zone: written as its wall-clock time.
    expect(row.getCell(6).value).toEqual(new Date("2026-11-21T09:30:00Z"));
    expect(row.getCell(7).value).toBeCloseTo(0.6667, 6);
    // A formula-looking text stays text: a workbook cell is never run as a formula unless it is one.
    expect(ws.getRow(3).getCell(1).value).toBe("=HYPERLINK(\"x\")");
    // An all-digit id written as text stays text, never 1.23456789012346E+17.
    expect(ws.getRow(3).getCell(2).value).toBe("123456789012345678");

    const records = await readWorkbookRecords(bytes);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(records[0]!.cells).toEqual(defs.map((d) => d.header));
    expect(records[1]!.cells).toEqual(["比亚迪股份有限公司", "91440300192317458F", "1200", "472000000", "2026-03-15", "2026-11-21 09:30", "0.6667"]);
    expect(records[2]!.cells.slice(0, 6)).toEqual(["=HYPERLINK(\"x\")", "123456789012345678", "0", "0.1", "2026-12-31", "2026-01-01 23:59"]);
    // The same columns rendered as CSV: one definition, two renderings.
    expect(csvRow(cells(ROWS[0]!).map(cellText))).toBe("比亚迪股份有限公司,91440300192317458F,1200,472000000.00,2026-03-15,2026-11-21 09:30,66.67\r\n");
  });

  it("reads numbers that are ids in full, dates as ISO days, formulas as their result, and skips blank rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    wb.addWorksheet("第二页").addRow(["not read"]);
    ws.addRow(["企业名称", "电话", "日期", "备注"]);
    ws.addRow([]);
    ws.addRow(["华为技术有限公司", 13800138000, new Date(Date.UTC(2026, 10, 21)), { richText: [{ text: "富" }, { text: "文本" }] }]);
    ws.addRow(["公式", 123456789012345680, { formula: "1+1", result: 2 }, { text: "链接", hyperlink: "https://example.com" }]);
    ws.addRow(["小数", 0.1 + 0.2, null, true]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const records = await readWorkbookRecords(bytes);
    expect(records).toEqual([
      { row: 1, cells: ["企业名称", "电话", "日期", "备注"] },
      { row: 3, cells: ["华为技术有限公司", "13800138000", "2026-11-21", "富文本"] },
      { row: 4, cells: ["公式", "123456789012345680", "2", "链接"] },
      { row: 5, cells: ["小数", "0.3", "", "TRUE"] },
    ]);
    await expect(readWorkbookRecords(bytes, { maxRecords: 3 })).rejects.toMatchObject({ code: "tooManyRows" });
  });

  it("refuses what is not a workbook, whatever its name: a CSV, another zip, an old .xls, a cut-off file", async () => {
    const csv = new TextEncoder().encode(toCsv(["企业名称"], [["比亚迪"]]));
    await expect(readWorkbookRecords(csv)).rejects.toEqual(new XlsxReadError("notWorkbook"));

    const docx = new ExcelJS.Workbook();
    docx.addWorksheet("x").addRow(["x"]);
    const whole = new Uint8Array(await docx.xlsx.writeBuffer());
    expect(zipDirectory(whole)?.names).toContain("xl/workbook.xml");
    await expect(readWorkbookRecords(whole.subarray(0, whole.length - 200))).rejects.toMatchObject({ code: "notWorkbook" });

    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readWorkbookRecords(ole)).rejects.toMatchObject({ code: "legacyXls" });

    // A zip that is no workbook (a Word document's parts, say): the structure says so.
    const other = whole.slice();
    const text = new TextDecoder("latin1").decode(other);
    for (let i = text.indexOf("xl/workbook.xml"); i >= 0; i = text.indexOf("xl/workbook.xml", i + 1)) other.set(new TextEncoder().encode("xl/workbooc.xml"), i);
    await expect(readWorkbookRecords(other)).rejects.toMatchObject({ code: "notWorkbook" });
  });
});

describe("an xlsx and a CSV with the same rows", () => {
  let database: Database;
  let staff: Viewer;

  beforeAll(async () => {
    database = await openTestDatabase();
    const team = await makeTeam(database.db);
    staff = await makeViewer(database.db, "staff", team.id);
    const created = await runAction(createEnterprise.definition, { viewer: staff, db: database.db, t }, { nameZh: "比亚迪股份有限公司", creditCode: "91440300192317458F" });
    if (!created.ok) throw new Error(created.message);
  });
  afterAll(() => database?.close());

  const HEADER = ["企业名称", "统一社会信用代码", "城市", "联系电话", "联系人"];
  const DATA = [
    ["溧水智能制造有限公司", "91320117MA1XY7123R", "南京", "13800138000", "王伟"],
    ["比亚迪", "", "深圳", "", ""],
    ["坏数据公司", "123", "", "", ""],
    ["华测检测认证集团", "", "深圳", "", ""],
  ];

  async function dryRun(records: { cells: string[]; row: number }[]) {
    const [header, ...rest] = records;
    const rows = mapRecords(rest, guessMapping(header!.cells));
    const result = await runAction(previewImport.definition, { viewer: staff, db: database.db, t }, { rows });
    if (!result.ok) throw new Error(result.message);
    return { rows, results: result.data.results };
  }

  it("give the same dry run", async () => {
    const csv = parseCsvRecords(decodeCsvBytes(new TextEncoder().encode(toCsv(HEADER, DATA))).text);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("参会名单");
    ws.addRow(HEADER);
    // A phone number typed into Excel is a number; the reader gives back its digits.
    for (const r of DATA) ws.addRow(r.map((cell, i) => (i === 3 && cell ? Number(cell) : cell || null)));
    const xlsx = await readWorkbookRecords(new Uint8Array(await wb.xlsx.writeBuffer()));

    const fromCsv = await dryRun(csv);
    const fromXlsx = await dryRun(xlsx);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.results).toEqual(fromCsv.results);
    expect(fromCsv.results.map((r) => r.status)).toEqual(["new", "duplicate", "invalid", "new"]);
  });
});
