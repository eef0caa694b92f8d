import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key";

describe("name key", () => {
  it("treats company suffixes, punctuation, width and case as the same name", () => {
    expect(nameKey("比亚迪股份有限公司")).toBe(nameKey("比亚迪"));
    expect(nameKey("Brembo S.p.A.")).toBe(nameKey("BREMBO"));
    expect(nameKey("BYD Co., Ltd.")).toBe("byd");
    expect(nameKey("Siemens GmbH")).toBe(nameKey("ＳＩＥＭＥＮＳ AG"));
    expect(nameKey("深圳能源集团股份有限公司")).toBe("深圳能源");
  });

  it("keeps different companies apart and never reduces a name to nothing", () => {
    expect(nameKey("华为技术有限公司")).not.toBe(nameKey("华为终端有限公司"));
    expect(nameKey("Group")).toBe("group");
    expect(nameKey("  ")).toBeNull();
  });
});
