import { describe, expect, it } from "vitest";
import { niceTicks } from "./chart-points";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten from zero past the largest value", () => {
    expect(niceTicks(9)).toEqual([0, 5, 10]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(120)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(61_234)).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
  });

  it("draws an axis from 0 to 1 when every value is zero", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
