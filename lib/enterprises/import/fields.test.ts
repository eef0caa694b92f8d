import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "@/lib/csv/parse";
import { countryCode } from "./country";
import { chunkRows, guessMapping, mappingProblems, mapRecords } from "./fields";
import { type ImportRowResult, markInFileDuplicates } from "./report";

describe("column mapping", () => {
  it("recognises Chinese and English headers, with asides, stars and odd spacing", () => {
    expect(guessMapping(["企业名称*", "英文名称", "统一社会信用代码", "国家", "省份", "城市", "网站", "联系人", "职务", "电话（手机）", "邮箱", "座位号"])).toEqual([
      "nameZh", "nameEn", "creditCode", "country", "province", "city", "website", "contactName", "contactTitle", "contactPhone", "contactEmail", null,
    ]);
    expect(guessMapping(["Company", "English name", "Credit Code (USCC)", "Country", "City", "Website", "Contact", "Title", "Phone", "E-mail"], [["比亚迪", "BYD"]])).toEqual([
      "nameZh", "nameEn", "creditCode", "country", "city", "website", "contactName", "contactTitle", "contactPhone", "contactEmail",
    ]);
  });

  it("maps each field once and reads a name column without Chinese as the English name", () => {
    expect(guessMapping(["Name", "Company", "Phone"], [["Brembo S.p.A.", "x", "1"], ["Valeo", "y", "2"]])).toEqual(["nameEn", null, "contactPhone"]);
  });

  it("reads back the headers of its own export", () => {
    expect(guessMapping(["中文名称", "英文名称", "统一社会信用代码", "国家或地区", "城市"])).toEqual(["nameZh", "nameEn", "creditCode", "country", "city"]);
    expect(guessMapping(["Chinese name", "English name", "Unified social credit code", "Country or region", "City"])).toEqual(["nameZh", "nameEn", "creditCode", "country", "city"]);
  });

  it("explains a mapping that cannot be imported", () => {
    expect(mappingProblems(["city", null])).toEqual(["noName"]);
    expect(mappingProblems(["nameZh", "city", "city"])).toEqual(["twice"]);
    expect(mappingProblems(["nameEn", null])).toEqual([]);
  });

  it("keeps spreadsheet row numbers, trims cells and drops blank rows", () => {
    const [, ...data] = parseCsvRecords("名称,城市,备注\n 比亚迪 ,深圳,\n,,\n\n华为,,x\n");
    expect(mapRecords(data, ["nameZh", "city", null])).toEqual([
      { row: 2, values: { nameZh: "比亚迪", city: "深圳" } },
      { row: 5, values: { nameZh: "华为" } },
    ]);
  });

  it("cuts rows into chunks by count and by size, in order", () => {
    const rows = Array.from({ length: 1201 }, (_, i) => ({ row: i + 2, values: { nameZh: `企业${i}` } }));
    expect(chunkRows(rows).map((c) => c.length)).toEqual([500, 500, 201]);
    const big = Array.from({ length: 10 }, (_, i) => ({ row: i + 2, values: { description: "备".repeat(3000) } }));
    const chunks = chunkRows(big, 500, 20_000);
    expect(chunks.every((c) => c.length === 2)).toBe(true);
    expect(chunks.flat()).toEqual(big);
  });
});

describe("country names", () => {
  it("turns names in either language and common short forms into ISO codes", () => {
    expect(["中国", "China", "cn", "意大利", "Italy", "德国", "Germany", "USA", "美国", "香港", "中国香港", "UK", "韩国"].map(countryCode)).toEqual([
      "CN", "CN", "CN", "IT", "IT", "DE", "DE", "US", "US", "HK", "HK", "GB", "KR",
    ]);
    expect(countryCode(" Atlantis ")).toBe("Atlantis");
  });
});

describe("duplicates within a file", () => {
  const fresh = (row: number, keys: string[]): ImportRowResult => ({ row, name: `r${row}`, status: "new", keys });

  it("gives the same answer over joined chunks as over the whole file", () => {
    const rows = [fresh(2, ["name:a"]), fresh(3, ["code:X", "name:b"]), fresh(4, ["name:b"]), fresh(5, ["code:X", "name:c"]), fresh(6, ["name:d"])];
    const whole = markInFileDuplicates(rows);
    const chunked = markInFileDuplicates([...markInFileDuplicates(rows.slice(0, 3)), ...markInFileDuplicates(rows.slice(3))]);
    expect(chunked).toEqual(whole);
    expect(whole.map((r) => (r.status === "duplicate" ? r.reason : r.status))).toEqual([
      "new",
      "new",
      { kind: "inFile", match: "name", row: 3 },
      { kind: "inFile", match: "creditCode", row: 3 },
      "new",
    ]);
  });

  it("does not count a refused row as the first occurrence", () => {
    const invalid: ImportRowResult = { row: 2, name: "x", status: "invalid", errors: [{ field: "website", message: "validation.url" }] };
    expect(markInFileDuplicates([invalid, fresh(3, ["name:x"])])[1]!.status).toBe("new");
  });
});
