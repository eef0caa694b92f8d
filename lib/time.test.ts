import { describe, expect, it } from "vitest";
import { isWallTime, shanghaiInstant, zonedInstant, zonedParts, zoneOffsetMinutes } from "./time";

// Wall-clock time in a zone and the instant it names, both ways, across daylight-saving changes.
// Europe/Berlin: clocks forward 2027-03-28 02:00 → 03:00, back 2027-10-31 03:00 → 02:00.
// America/Los_Angeles: forward 2027-03-14 02:00 → 03:00, back 2027-11-07 02:00 → 01:00.

const iso = (d: Date) => d.toISOString();

describe("zonedInstant and zonedParts", () => {
  it("a winter morning in Ulm is Beijing's afternoon: 10:00 CET is 09:00 UTC", () => {
    const at = zonedInstant("2027-01-13", "10:00", "Europe/Berlin");
    expect(iso(at)).toBe("2027-01-13T09:00:00.000Z");
    expect(zonedParts(at, "Europe/Berlin")).toEqual({ date: "2027-01-13", time: "10:00" });
    expect(zonedParts(at, "Asia/Shanghai")).toEqual({ date: "2027-01-13", time: "17:00" });
  });

  it("the same wall time in summer is an hour earlier in UTC (CEST, PDT)", () => {
    expect(iso(zonedInstant("2027-07-13", "10:00", "Europe/Berlin"))).toBe("2027-07-13T08:00:00.000Z");
    expect(iso(zonedInstant("2027-01-13", "10:00", "America/Los_Angeles"))).toBe("2027-01-13T18:00:00.000Z");
    expect(iso(zonedInstant("2027-07-13", "10:00", "America/Los_Angeles"))).toBe("2027-07-13T17:00:00.000Z");
  });

  it("either side of the spring-forward change in Berlin", () => {
    expect(iso(zonedInstant("2027-03-28", "01:59", "Europe/Berlin"))).toBe("2027-03-28T00:59:00.000Z");
    expect(iso(zonedInstant("2027-03-28", "03:00", "Europe/Berlin"))).toBe("2027-03-28T01:00:00.000Z");
    expect(zoneOffsetMinutes(new Date("2027-03-28T00:59:00Z"), "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(new Date("2027-03-28T01:00:00Z"), "Europe/Berlin")).toBe(120);
  });

  it("a time the clocks skip is not a wall time; converted, it lands as far past the gap", () => {
    expect(isWallTime("2027-03-28", "02:30", "Europe/Berlin")).toBe(false);
    expect(iso(zonedInstant("2027-03-28", "02:30", "Europe/Berlin"))).toBe("2027-03-28T01:30:00.000Z");
    expect(isWallTime("2027-03-14", "02:30", "America/Los_Angeles")).toBe(false);
    expect(iso(zonedInstant("2027-03-14", "02:30", "America/Los_Angeles"))).toBe("2027-03-14T10:30:00.000Z");
    expect(isWallTime("2027-03-14", "03:00", "America/Los_Angeles")).toBe(true);
  });

  it("a time that happens twice when the clocks go back is the first of the two", () => {
    const first = zonedInstant("2027-10-31", "02:30", "Europe/Berlin");
    expect(iso(first)).toBe("2027-10-31T00:30:00.000Z");
    expect(isWallTime("2027-10-31", "02:30", "Europe/Berlin")).toBe(true);
    // The second 02:30 (CET) still reads 02:30 on the wall.
    expect(zonedParts(new Date("2027-10-31T01:30:00Z"), "Europe/Berlin")).toEqual({ date: "2027-10-31", time: "02:30" });
    expect(iso(zonedInstant("2027-11-07", "01:30", "America/Los_Angeles"))).toBe("2027-11-07T08:30:00.000Z");
    expect(iso(zonedInstant("2027-11-07", "03:00", "America/Los_Angeles"))).toBe("2027-11-07T11:00:00.000Z");
  });

  it("every quarter hour of the change days goes to an instant and back to the same wall time, except the skipped hour", () => {
    for (const [zone, day, gap] of [
      ["Europe/Berlin", "2027-03-28", "02"],
      ["Europe/Berlin", "2027-10-31", null],
      ["America/Los_Angeles", "2027-03-14", "02"],
      ["America/Los_Angeles", "2027-11-07", null],
    ] as const) {
      for (let q = 0; q < 96; q++) {
        const time = `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;
        expect(isWallTime(day, time, zone), `${zone} ${day} ${time}`).toBe(time.slice(0, 2) !== gap);
      }
    }
  });

  it("in Asia/Shanghai it agrees with the bureau's own conversion", () => {
    expect(iso(zonedInstant("2027-05-23", "09:30", "Asia/Shanghai"))).toBe(iso(shanghaiInstant("2027-05-23", "09:30")));
    // The day changes: 20:00 in Los Angeles is noon the next day in Beijing.
    expect(zonedParts(zonedInstant("2027-01-11", "20:00", "America/Los_Angeles"), "Asia/Shanghai")).toEqual({ date: "2027-01-12", time: "12:00" });
  });
});
