import { describe, expect, it } from "vitest";
import { newRow, parseLine, type Role } from "./staged";

const roles: Record<string, Role> = { host: "host", 主办方: "host", speaker: "speaker" };
const roleOf = (text: string) => roles[text.toLowerCase()];

describe("a pasted line", () => {
  it("takes a role after the last comma only when it names one", () => {
    expect(parseLine("  比亚迪，主办方 ", roleOf, "attendee")).toEqual({ name: "比亚迪", role: "host" });
    expect(parseLine("Brembo S.p.A., Speaker", roleOf, "attendee")).toEqual({ name: "Brembo S.p.A.", role: "speaker" });
    // A company name's own comma is not a role separator.
    expect(parseLine("BYD Co., Ltd.", roleOf, "local")).toEqual({ name: "BYD Co., Ltd.", role: "local" });
  });

  it("becomes a new enterprise under the Chinese or the English name", () => {
    expect(newRow("华为技术", "host")).toMatchObject({ kind: "new", nameZh: "华为技术", nameEn: "", country: "CN", role: "host" });
    expect(newRow("Avio Aero", "foreign")).toMatchObject({ kind: "new", nameZh: "", nameEn: "Avio Aero" });
  });
});
