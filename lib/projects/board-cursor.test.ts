import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parsePipelinePage } from "./board-cursor";
import { columnTotalCny, convertToCny } from "./board-figures";

const ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const params = (query: string) => new URLSearchParams(query);
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("board cursors", () => {
  it("hand back exactly what they carry, microseconds included", () => {
    const cursor = { at: "2026-05-01T02:03:04.123456Z", id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuse what this server did not make: wrong shapes, impossible instants, other encodings", () => {
    for (const raw of [
      `2026-05-01T02:03:04.123Z ${ID}`, // milliseconds only: the order could skip rows
      `2026-02-30T02:03:04.123456Z ${ID}`,
      `2026-05-01T24:00:00.000000Z ${ID}`,
      `0999-05-01T02:03:04.123456Z ${ID}`,
      `2026-05-01T02:03:04.123456Z ${ID.toUpperCase()}`,
      `2026-05-01T02:03:04.123456Z ${ID} extra`,
      `2026-05-01T02:03:04.123456Z`,
      `2026-05-01 02:03:04.123456+00 ${ID}`,
      `'; drop table projects; -- ${ID}`,
    ]) {
      expect({ raw, cursor: decodeCursor(b64(raw)) }).toEqual({ raw, cursor: null });
    }
    const good = encodeCursor({ at: "2026-05-01T02:03:04.123456Z", id: ID });
    for (const text of ["", "%%%", `${good}=`, `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`, good + good, "A".repeat(201)]) {
      expect({ text, cursor: decodeCursor(text) }).toEqual({ text, cursor: null });
    }
  });

  it("a page request: the board without stage and after, one column with a known stage and a valid cursor, else refused", () => {
    const after = encodeCursor({ at: "2026-05-01T02:03:04.123456Z", id: ID });
    expect(parsePipelinePage(params("status=all&owner=me"))).toEqual({ kind: "board" });
    expect(parsePipelinePage(params("stage=intent"))).toEqual({ kind: "column", stage: "intent", after: null });
    expect(parsePipelinePage(params(`stage=intent&after=${after}&team=x`))).toEqual({
      kind: "column",
      stage: "intent",
      after: { at: "2026-05-01T02:03:04.123456Z", id: ID },
    });
    for (const bad of ["stage=", "stage=INTENT", "stage=lost", `after=${after}`, `stage=intent&stage=lead&after=${after}`, `stage=intent&after=${after}&after=${after}`, "stage=intent&after=", "stage=intent&after=x"]) {
      expect({ bad, page: parsePipelinePage(params(bad)) }).toEqual({ bad, page: null });
    }
  });
});

describe("the board's CNY figures", () => {
  it("convert exactly and round half away from zero to the fen, as PostgreSQL's round(numeric, 2)", () => {
    expect(convertToCny("1.50", "7.81234567")).toBe("11.72");
    expect(convertToCny("0.01", "0.50000000")).toBe("0.01");
    expect(convertToCny("0.01", "0.49999999")).toBe("0.00");
    expect(convertToCny("-0.01", "0.5")).toBe("-0.01");
    expect(convertToCny("123456789012345678.99", "7.10000001")).toBe("876543203222222210.95");
    expect(convertToCny("120", "1")).toBe("120.00");
  });

  it("total a column per currency, converted once per currency, leaving out a currency without a rate", () => {
    const rates = { CNY: "1", JPY: "0.05000000" };
    // JPY: round((0.10 + 0.10) × 0.05) = 0.01, where two cards of 0.10 each show round(0.005) = 0.01.
    expect(columnTotalCny({ CNY: "100.10", JPY: "0.20", EUR: "5000" }, rates)).toBe("100.11");
    expect(columnTotalCny({}, rates)).toBe("0.00");
  });
});
