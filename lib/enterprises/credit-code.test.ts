import { describe, expect, it } from "vitest";
import { ENTERPRISES } from "@/db/seed-data";
import { enterpriseAt } from "@/scripts/bench/names";
import { creditCodeCheckCharacter, isValidCreditCode, withCreditCodeCheck } from "./credit-code";

// Published codes of well-known companies (national enterprise credit information system).
const PUBLISHED = {
  比亚迪股份有限公司: "91440300192317458F",
  华为技术有限公司: "914403001922038216",
  腾讯科技深圳有限公司: "9144030071526726XG",
  阿里巴巴中国有限公司: "91330100716105852F",
  小米科技有限责任公司: "91110108551385082Q",
};

describe("unified social credit code check (GB 32100-2015)", () => {
  it("accepts published codes, including check characters that are letters or 0–9", () => {
    for (const code of Object.values(PUBLISHED)) expect(isValidCreditCode(code), code).toBe(true);
  });

  it("refuses each published code with any other check character", () => {
    for (const code of Object.values(PUBLISHED)) {
      for (const wrong of "0123456789ABCDEFGHJKLMNPQRTUWXY".replace(code[17]!, "")) {
        expect(isValidCreditCode(code.slice(0, 17) + wrong), code.slice(0, 17) + wrong).toBe(false);
      }
    }
  });

  it("refuses a mistyped character elsewhere and two swapped neighbours", () => {
    expect(isValidCreditCode("91440300192317459F")).toBe(false);
    expect(isValidCreditCode("91440300912317458F")).toBe(false);
    expect(isValidCreditCode("19440300192317458F")).toBe(false);
  });

  it("refuses letters outside the set (I, O, S, V, Z), lower case, and other lengths", () => {
    // The check character of a base with an O would be computed as if nothing were wrong, so the set itself is checked.
    for (const code of ["9144O300192317458F", "9144030019231745IF", "91440300192317458S", "91440300192317458Z", "91440300192317458V"]) {
      expect(isValidCreditCode(code), code).toBe(false);
    }
    expect(isValidCreditCode("91440300192317458f")).toBe(false);
    expect(isValidCreditCode("91440300192317458")).toBe(false);
    expect(isValidCreditCode("91440300192317458F0")).toBe(false);
    expect(isValidCreditCode("")).toBe(false);
  });

  it("computes the check character from 17 characters, and nothing from anything else", () => {
    expect(creditCodeCheckCharacter("91440300192317458")).toBe("F");
    expect(creditCodeCheckCharacter("91440300192203821")).toBe("6");
    expect(withCreditCodeCheck("9144030071526726X")).toBe("9144030071526726XG");
    expect(creditCodeCheckCharacter("9144030019231745")).toBeNull();
    expect(creditCodeCheckCharacter("9144030019231745O")).toBeNull();
    expect(() => withCreditCodeCheck("91440300")).toThrow();
  });

  it("gives the demo data and the generated benchmark enterprises valid codes", () => {
    const seeded = ENTERPRISES.flatMap((e) => (e.creditCode ? [e.creditCode] : []));
    expect(seeded.length).toBeGreaterThan(5);
    for (const code of seeded) expect(isValidCreditCode(code), code).toBe(true);
    for (let i = 0; i < 2000; i += 7) {
      const { creditCode } = enterpriseAt(i);
      if (creditCode) expect(isValidCreditCode(creditCode), creditCode).toBe(true);
    }
  });
});
