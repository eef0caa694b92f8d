import { describe, expect, it } from "vitest";
import { catalogues } from "./messages";

const en = catalogues.en;
const zh = catalogues["zh-CN"];

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("message catalogues", () => {
  it("have the same keys in zh-CN and en, none empty", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const empty = (obj: object) => keys(obj).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) === "");
    expect(empty(en)).toEqual([]);
    expect(empty(zh)).toEqual([]);
  });
});
