import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISOLATED_TEST_FILES } from "./isolated-files";

// What changes module state or the environment for the rest of a worker's files. A spy on the
// console that the file takes back (mockRestore, restoreAllMocks) silences one test and no more.
const LEAKS = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|\bvi\.spyOn\((?!console,)|process\.env\.\w+\s*=[^=]/;
const CONSOLE_SPY = /\bvi\.spyOn\(console,/;
const RESTORED = /\.mockRestore\(\)|\bvi\.restoreAllMocks\(\)/;
const leaks = (source: string) => LEAKS.test(source) || (CONSOLE_SPY.test(source) && !RESTORED.test(source));

describe("test files that need a module graph of their own", () => {
  it("every test file that mocks, stubs or sets the environment is listed as isolated", () => {
    const files = execFileSync("git", ["ls-files", "*.test.ts", "*.test.tsx"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const leaking = files.filter((f) => f !== "test/setup/isolated-files.test.ts" && leaks(readFileSync(f, "utf8")));
    expect(leaking.length).toBeGreaterThan(0);
    expect(leaking.filter((f) => !ISOLATED_TEST_FILES.includes(f))).toEqual([]);
  });
});
