import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode";
import { CsvParseError, detectDelimiter, parseCsv, parseCsvRecords } from "./parse";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'name,note\r\n"BYD Co., Ltd.","He said ""hi"""\r\n"多行\r\n备注",x\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "note"],
      ["BYD Co., Ltd.", 'He said "hi"'],
      ["多行\r\n备注", "x"],
    ]);
  });

  it("accepts LF, CRLF and lone CR line ends, skips empty lines and a missing final newline", () => {
    expect(parseCsv("a,b\nc,d\r\n\r\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("drops the byte-order mark so the first header matches", () => {
    const [header] = parseCsv("\uFEFF企业名称,城市\n比亚迪,深圳\n");
    expect(header).toEqual(["企业名称", "城市"]);
  });

  it("keeps empty cells, including trailing ones and rows of only separators", () => {
    expect(parseCsv('a,,c,\n"",x,,\n,,,\n')).toEqual([
      ["a", "", "c", ""],
      ["", "x", "", ""],
      ["", "", "", ""],
    ]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(parseCsv('5" screen,ok\n')).toEqual([['5" screen', "ok"]]);
  });

  it("refuses a quoted field that never closes, naming its row", () => {
    expect(() => parseCsv('a,b\n\nc,"unclosed\nd,e\n')).toThrowError(new CsvParseError("unterminatedQuote", 3));
  });

  it("numbers records as a spreadsheet shows rows: blank lines count, multi-line cells do not", () => {
    const records = parseCsvRecords('h1,h2\n"a\nb",1\n\nc,2\n');
    expect(records.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(records[2]!.cells).toEqual(["c", "2"]);
  });

  it("stops beyond the record limit", () => {
    expect(() => parseCsv("h\n1\n2\n3\n", { maxRecords: 3 })).toThrow(CsvParseError);
    expect(parseCsv("h\n1\n2\n", { maxRecords: 3 })).toHaveLength(3);
  });

  it("guesses semicolon and tab separators from the header line, ignoring quoted ones", () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(";");
    expect(parseCsv("名称\t城市\n华为\t深圳\n")).toEqual([
      ["名称", "城市"],
      ["华为", "深圳"],
    ]);
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, and GBK files saved by Chinese Excel", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("比亚迪,深圳"))).toEqual({ text: "比亚迪,深圳", encoding: "utf-8" });
    // "比亚迪" in GBK.
    const gbk = new Uint8Array([0xb1, 0xc8, 0xd1, 0xc7, 0xb5, 0xcf]);
    expect(decodeCsvBytes(gbk)).toEqual({ text: "比亚迪", encoding: "gb18030" });
  });
});
