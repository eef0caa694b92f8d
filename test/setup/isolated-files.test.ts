import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISOLATED_TEST_FILES } from "./isolated-files";

// What changes module state or the environment for the rest of a worker's files.
const LEAKS = /\bvi\.(mock|doMock|stubEnv|stubGlobal|spyOn)\(|process\.env\.\w+\s*=[^=]/;

describe("test files that need a module graph of their own", () => {
  it("every test file that mocks, stubs or sets the environment is listed as isolated", () => {
    const files = execFileSync("git", ["ls-files", "*.test.ts", "*.test.tsx"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const leaking = files.filter((f) => f !== "test/setup/isolated-files.test.ts" && LEAKS.test(readFileSync(f, "utf8")));
    expect(leaking.length).toBeGreaterThan(0);
    expect(leaking.filter((f) => !ISOLATED_TEST_FILES.includes(f))).toEqual([]);
  });
});
