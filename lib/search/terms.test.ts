import { describe, expect, it } from "vitest";
import { documentTerms, queryTerms } from "./terms";

const matches = (doc: string[], query: string) => {
  const terms = documentTerms(doc);
  const wanted = queryTerms(query);
  return wanted.length > 0 && wanted.every((t) => terms.includes(t));
};

describe("search terms", () => {
  it("finds two-character and one-character Chinese terms", () => {
    expect(matches(["比亚迪股份有限公司"], "比亚")).toBe(true);
    expect(matches(["华为技术有限公司"], "华为")).toBe(true);
    expect(matches(["华为技术有限公司"], "华")).toBe(true);
    expect(matches(["比亚迪股份有限公司"], "亚比")).toBe(false);
  });

  it("finds Latin prefixes, several words in any order, any case, full-width too", () => {
    expect(matches(["Shenzhen Energy Group Co., Ltd."], "shenzhen en")).toBe(true);
    expect(matches(["Shenzhen Energy Group Co., Ltd."], "EN shenzhen")).toBe(true);
    expect(matches(["Siemens AG"], "ｓｉｅｍ")).toBe(true);
    expect(matches(["Brembo S.p.A."], "bre")).toBe(true);
    expect(matches(["Shenzhen Energy Group"], "shenzhen x")).toBe(false);
    expect(matches(["Shenzhen Energy Group"], "energyx")).toBe(false);
  });

  it("finds credit codes by prefix and mixed-script names", () => {
    expect(matches(["91440300192317458F"], "9144030019")).toBe(true);
    expect(matches(["BYD比亚迪"], "byd 比亚迪")).toBe(true);
  });

  it("has nothing to search in punctuation alone", () => {
    expect(queryTerms("  ,.;'% ")).toEqual([]);
  });
});
