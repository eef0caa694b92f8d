import { describe, expect, it } from "vitest";
import { differingFields, isEmpty, replayEdits, sameValue, typedValues } from "./form-values";

const loaded = { name: "Acme", city: "南京", confidential: false, ours: ["a", "b"] };

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("form values in a conflict", () => {
  it("compares as the server stores: trimmed text, ticked ids in any order", () => {
    expect(sameValue("Acme ", "Acme")).toBe(true);
    expect(sameValue(["b", "a"], ["a", "b"])).toBe(true);
    expect(sameValue(["a"], ["a", "b"])).toBe(false);
    expect(sameValue(false, true)).toBe(false);
    expect(isEmpty(" ")).toBe(true);
    expect(isEmpty([])).toBe(true);
    expect(isEmpty(false)).toBe(true);
  });

  it("reads a submission in the loaded shape; a text the form does not show keeps the loaded value", () => {
    const typed = typedValues(loaded, form([["name", "Acme Ltd"], ["confidential", "on"], ["ours", "b"]]));
    expect(typed).toEqual({ name: "Acme Ltd", city: "南京", confidential: true, ours: ["b"] });
  });

  it("lists the fields where their version differs from what was typed", () => {
    const theirs = { ...loaded, city: "无锡" };
    const typed = { ...loaded, name: "Acme Ltd" };
    expect(differingFields(["name", "city", "confidential", "ours"], theirs, typed)).toEqual(["name", "city"]);
  });

  it("replays the typed edits onto their version, keeping their changes elsewhere", () => {
    const theirs = { ...loaded, city: "无锡", ours: ["a"] };
    const typed = { ...loaded, name: "Acme Ltd", confidential: true };
    expect(replayEdits(loaded, theirs, typed)).toEqual({ name: "Acme Ltd", city: "无锡", confidential: true, ours: ["a"] });
  });
});
