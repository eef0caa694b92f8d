import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse";
import { csvCell, csvRow, toCsv } from "./write";

describe("csv writer", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("BYD Co., Ltd.")).toBe('"BYD Co., Ltd."');
    expect(csvCell('5" screen')).toBe('"5"" screen"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+86 755 8988 8888")).toBe("'+86 755 8988 8888");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
  });

  it("writes CRLF records and a BOM, and reads back what it wrote", () => {
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
    const file = toCsv(["名称", "备注"], [["比亚迪", 'say "hi",\r\nbye']]);
    expect(file.startsWith("\uFEFF名称,备注\r\n")).toBe(true);
    expect(parseCsv(file)).toEqual([
      ["名称", "备注"],
      ["比亚迪", 'say "hi",\r\nbye'],
    ]);
  });
});
