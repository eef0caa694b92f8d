import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time";
import { STOP_TIME_ZONES, suggestedZone, zoneForEnterprise, zoneForPlace, zoneShortName } from "./time-zones";

describe("the zone a stop's place names", () => {
  it("knows German, European, Asian and American places by their Chinese, English and local names", () => {
    expect(zoneForPlace("Voltaria Batterie GmbH, Ulm")).toBe("Europe/Berlin");
    expect(zoneForPlace("德国乌尔姆")).toBe("Europe/Berlin");
    expect(zoneForPlace("Siemens AG, München")).toBe("Europe/Berlin");
    expect(zoneForPlace("Siemens AG, Munchen")).toBe("Europe/Berlin");
    expect(zoneForPlace("都灵 Avio 总部")).toBe("Europe/Rome");
    expect(zoneForPlace("布达佩斯")).toBe("Europe/Budapest");
    expect(zoneForPlace("东京丰田通商")).toBe("Asia/Tokyo");
    expect(zoneForPlace("香港贸发局")).toBe("Asia/Hong_Kong");
    expect(zoneForPlace("新加坡经济发展局")).toBe("Asia/Singapore");
    expect(zoneForPlace("Tesla, Fremont")).toBe("America/Los_Angeles");
  });

  it("the most specific name wins: a city over its country", () => {
    expect(zoneForPlace("美国洛杉矶")).toBe("America/Los_Angeles");
    expect(zoneForPlace("美国纽约")).toBe("America/New_York");
  });

  it("a Latin name is a whole word; a city at home brings the zone home; a place naming none suggests nothing", () => {
    expect(zoneForPlace("Ulmenweg 3")).toBeNull();
    expect(zoneForPlace("深圳能源大厦")).toBe("Asia/Shanghai");
    expect(zoneForPlace("中国驻德国大使馆")).toBe("Europe/Berlin");
    expect(zoneForPlace("東京 Toyota Tsusho")).toBe("Asia/Tokyo");
    expect(zoneForPlace("Hotel Maritim")).toBeNull();
    expect(zoneForPlace("")).toBeNull();
  });

  it("an enterprise's city, else its country, when the place says nothing", () => {
    expect(zoneForEnterprise({ city: "Ulm", country: "DE" })).toBe("Europe/Berlin");
    expect(zoneForEnterprise({ city: null, country: "IT" })).toBe("Europe/Rome");
    expect(suggestedZone("", { city: "Osaka", country: "JP" })).toBe("Asia/Tokyo");
    expect(suggestedZone("Messe Stuttgart", { city: null, country: "CN" })).toBe("Europe/Berlin");
    expect(suggestedZone("Hotel Maritim", null)).toBeNull();
  });

  it("every zone offered is one the runtime knows", () => {
    for (const zone of STOP_TIME_ZONES) expect(() => new Intl.DateTimeFormat("en", { timeZone: zone })).not.toThrow();
  });
});

describe("a zone's short name", () => {
  it("follows daylight saving where the zone has a name for each", () => {
    expect(zoneShortName(zonedInstant("2027-01-13", "10:00", "Europe/Berlin"), "Europe/Berlin")).toBe("CET");
    expect(zoneShortName(zonedInstant("2027-07-13", "10:00", "Europe/Berlin"), "Europe/Berlin")).toBe("CEST");
    expect(zoneShortName(zonedInstant("2027-01-13", "10:00", "America/Los_Angeles"), "America/Los_Angeles")).toBe("PST");
    expect(zoneShortName(zonedInstant("2027-07-13", "10:00", "America/Los_Angeles"), "America/Los_Angeles")).toBe("PDT");
    // The southern summer is in January.
    expect(zoneShortName(zonedInstant("2027-01-13", "10:00", "Australia/Sydney"), "Australia/Sydney")).toBe("AEDT");
  });

  it("is the offset from UTC where the zone goes by no common name", () => {
    expect(zoneShortName(new Date("2027-01-13T03:00:00Z"), "Asia/Bangkok")).toBe("UTC+7");
    expect(zoneShortName(new Date("2027-01-13T03:00:00Z"), "America/Sao_Paulo")).toBe("UTC-3");
    expect(zoneShortName(new Date("2027-01-13T03:00:00Z"), "Asia/Kolkata")).toBe("IST");
  });
});
