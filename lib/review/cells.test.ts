import { describe, expect, it } from "vitest";
import { shanghaiYear } from "@/lib/time";
import { percent, ratio } from "./cells";
import { parseReviewFilters } from "./filters";

describe("review cells", () => {
  it("divides exactly, rounding half up to four decimals", () => {
    expect(ratio("2", "3")).toBe("0.6667");
    expect(ratio("1500000000.00", "4000000000.00")).toBe("0.375");
    expect(ratio("5", "0")).toBeNull();
  });

  it("shows a fraction as a percentage with two decimals", () => {
    expect(percent("0.6667")).toEqual({ kind: "percent", value: "66.67" });
    expect(percent("1")).toEqual({ kind: "percent", value: "100.00" });
    expect(percent(null)).toEqual({ kind: "percent", value: null });
  });
});

describe("review filters from the URL", () => {
  it("keeps a valid year, team and chain and drops malformed ones", () => {
    const team = "3f2b5a0e-8c1d-5e4f-9a6b-7c8d9e0f1a2b";
    expect(parseReviewFilters({ year: "2025", team, chain: "nope" })).toEqual({ year: 2025, team, chain: null });
    const fallback = parseReviewFilters(new URLSearchParams("year=20x5&team=1"));
    expect(fallback).toEqual({ year: shanghaiYear(), team: null, chain: null });
  });

  it("takes the current year on the Shanghai calendar", () => {
    // 31 Dec 2025 17:00 UTC is already 1 Jan 2026 in Shanghai.
    expect(shanghaiYear(new Date("2025-12-31T17:00:00Z"))).toBe(2026);
  });
});
