import { describe, expect, it } from "vitest";
import { addDecimals, displayUnit, fromYuan, groupDigits, roundDecimal, inDisplayUnit, shiftDecimal, toWanYi, toYuan } from "./money";
import { amountText } from "./money-fields";

describe("money", () => {
  it("converts typed amounts to yuan by moving the decimal point, exactly", () => {
    expect(toYuan("1.25", "yi")).toBe("125000000");
    expect(toYuan("0.01", "wan")).toBe("100");
    expect(toYuan("1,234.56", "yuan")).toBe("1234.56");
    expect(toYuan("0.07", "yi")).toBe("7000000");
    // 0.1 + 0.2 style float errors cannot appear.
    expect(toYuan("8000000.03", "yuan")).toBe("8000000.03");
    expect(shiftDecimal("123.45", -4)).toBe("0.012345");
  });

  it("offers a stored amount in the largest unit that keeps it exact", () => {
    expect(fromYuan("2000000000.00")).toEqual({ amount: "20", unit: "yi" });
    expect(fromYuan("450000.00")).toEqual({ amount: "45", unit: "wan" });
    expect(fromYuan("123.45")).toEqual({ amount: "123.45", unit: "yuan" });
  });

  it("shows 万元 below one hundred million and 亿元 from there, rounded half up", () => {
    expect(toWanYi("2000000000.00")).toEqual({ value: "20.00", unit: "yi" });
    expect(toWanYi("99999999.99")).toEqual({ value: "10000.00", unit: "wan" });
    expect(toWanYi("123456789.0000000001")).toEqual({ value: "1.23", unit: "yi" });
    expect(toWanYi("45005.00")).toEqual({ value: "4.50", unit: "wan" });
    expect(toWanYi("45050.00")).toEqual({ value: "4.51", unit: "wan" });
    expect(toWanYi("0")).toEqual({ value: "0.00", unit: "wan" });
  });

  it("adds and rounds decimal strings without floats", () => {
    expect(addDecimals("0.1", "0.2")).toBe("0.3");
    expect(addDecimals("658827000.00", "-658827000.00")).toBe("0");
    expect(addDecimals("99999999999999999.99", "0.01")).toBe("100000000000000000");
    expect(roundDecimal("2.675", 2)).toBe("2.68");
    expect(roundDecimal("-0.004", 2)).toBe("0.00");
    expect(groupDigits("1234567.5", "en")).toBe("1,234,567.5");
  });

  it("accepts at most two decimals in typed input", () => {
    expect(amountText.safeParse("12.345").success).toBe(false);
    expect(amountText.safeParse("1e5").success).toBe(false);
    expect(amountText.safeParse("1,200.50").data).toBe("1,200.50");
    expect(amountText.safeParse("").data).toBeUndefined();
  });
});

describe("the display unit rule", () => {
  it("chooses 万元 or 亿元 in Chinese and CNY thousand or million in English from the largest amount", () => {
    expect(displayUnit(["99999999.99", "5"], "zh-CN")).toBe("wan");
    expect(displayUnit(["100000000.00", "5"], "zh-CN")).toBe("yi");
    expect(displayUnit(["999999.99"], "en")).toBe("thousand");
    expect(displayUnit(["99999999.99"], "en")).toBe("thousand");
    expect(displayUnit(["-250000000.00", "10"], "en")).toBe("million");
    expect(displayUnit([], "en")).toBe("thousand");
    expect(inDisplayUnit("472000000.00", "yi")).toBe("4.72");
    expect(inDisplayUnit("472000000.00", "million")).toBe("472.00");
    expect(inDisplayUnit("1234.56", "yuan")).toBe("1234.56");
  });
});
