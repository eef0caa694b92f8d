import { describe, expect, it } from "vitest";
import { badPathResponse, hasUndecodablePath } from "./undecodable-path";

describe("paths whose percent-escapes do not decode", () => {
  it("are recognised", () => {
    for (const path of ["/api/evidence/%", "/api/evidence/%E0%A4%A", "/api/calendar/%zz.ics", "/enterprises/%C0%AF", "/api/enterprises/%/contacts"]) {
      expect(hasUndecodablePath(path), path).toBe(true);
    }
  });

  it("leave well-encoded paths alone, Chinese and encoded slashes included", () => {
    for (const path of ["/", "/api/evidence/3f1c9a52-1d2e-4c55-9a8e-0c1e2d3f4a5b", "/enterprises/%E6%BA%A7%E6%B0%B4", "/api/evidence/a%2Fb", "/api/calendar/abc.ics", "/%25"]) {
      expect(hasUndecodablePath(path), path).toBe(false);
    }
  });

  it("answer 400 in plain text", async () => {
    const response = badPathResponse();
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).not.toMatch(/at |Error/);
  });
});
